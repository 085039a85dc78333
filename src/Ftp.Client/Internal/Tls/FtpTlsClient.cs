using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Authentication;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace Ftp.Internal.Tls;

/// <summary>
/// The BouncyCastle TLS client of one connection. A data connection's client resumes the control
/// connection's session: in TLS 1.2 by its session ID (<see cref="GetSessionToResume"/>), in TLS 1.3
/// with a ticket the server sent on the control connection, offered as a resumption PSK
/// (<see cref="GetExternalPsks"/>, see <see cref="FtpTlsCrypto"/>). That is what vsftpd's
/// require_ssl_reuse and ProFTPD's default TLSOptions check.
/// </summary>
internal sealed class FtpTlsClient : DefaultTlsClient
{
    // SslProtocols.Tls13, which netstandard2.0 does not name.
    private const SslProtocols Tls13 = (SslProtocols)12288;

    private readonly TlsSettings _settings;
    private readonly TlsResumption? _resume;
    private bool _pskSelected;

    public FtpTlsClient(TlsSettings settings, TlsResumption? resume)
        : base(settings.Crypto)
    {
        _settings = settings;
        _resume = resume;
    }

    /// <summary>Set by <see cref="TlsSettings.CheckServerCertificate"/> when it refused the certificate, so the handshake failure can say why.</summary>
    public bool CertificateRejected { get; set; }

    /// <summary>The session after the handshake (and, in TLS 1.3, after the tickets that follow it).</summary>
    public TlsSession? Session => m_context?.ResumableSession;

    /// <summary>True when the handshake resumed the offered session (TLS 1.2) or the server took the offered ticket (TLS 1.3).</summary>
    public bool Resumed => _pskSelected || (m_context?.SecurityParameters?.IsResumedSession ?? false);

    /// <summary>The negotiated version, for messages.</summary>
    public ProtocolVersion? Version => m_context?.ServerVersion;

    // Authenticated encryption only, forward secret; BouncyCastle's own default list lacks
    // ECDHE-RSA-AES256-GCM-SHA384, the one suite Debian's vsftpd enables for TLS 1.2.
    private static readonly int[] CipherSuites =
    {
        CipherSuite.TLS_AES_128_GCM_SHA256,
        CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
    };

    public override TlsSession? GetSessionToResume() => _resume?.Session;

    // RFC 8446 4.2.11: the ticket, its PSK and the hash of the session it resumes; BouncyCastle
    // sends the ticket as the identity (obfuscated_ticket_age 0, which servers use only to judge
    // early data, not sent here).
    public override IList<TlsPskExternal>? GetExternalPsks()
        => _resume?.Ticket is { } ticket
            ? new List<TlsPskExternal> { new BasicTlsPskExternal(ticket.Identity, ticket.CreateKey(_settings.Crypto), ticket.PrfAlgorithm) }
            : null;

    public override void NotifySelectedPsk(TlsPsk? selectedPsk)
    {
        base.NotifySelectedPsk(selectedPsk);
        _pskSelected = selectedPsk is not null;
    }

    // A ticket resumes with the cipher suite of its session (RFC 8446 4.2.11 allows any with the
    // same hash); offering that one alone keeps the server from choosing a suite it cannot resume with.
    protected override int[] GetSupportedCipherSuites()
        => _resume?.Ticket is { } ticket
            ? new[] { ticket.CipherSuite }
            : TlsUtilities.GetSupportedCipherSuites(Crypto, CipherSuites);

    public override TlsAuthentication GetAuthentication() => new Authentication(this);

    // By default TLS 1.3 and 1.2. A data connection speaks the control connection's version: it
    // resumes that session, which a server can only do in the same version.
    protected override ProtocolVersion[] GetSupportedVersions()
    {
        if (_resume is not null)
        {
            return _resume.Version.Only();
        }

        SslProtocols allowed = _settings.Protocols;
        bool tls12 = allowed == SslProtocols.None || (allowed & SslProtocols.Tls12) != 0;
        bool tls13 = allowed == SslProtocols.None || (allowed & Tls13) != 0;
        if (tls12 && tls13)
        {
            return ProtocolVersion.TLSv13.DownTo(ProtocolVersion.TLSv12);
        }

        if (tls13)
        {
            return ProtocolVersion.TLSv13.Only();
        }

        if (tls12)
        {
            return ProtocolVersion.TLSv12.Only();
        }

        throw new ArgumentException("FtpConnectionOptions.SslProtocols allows neither TLS 1.2 nor TLS 1.3, the versions this client speaks.");
    }

    // RFC 6066 3: server_name carries host names only, never an IP literal.
    protected override IList<ServerName>? GetSniServerNames()
        => IPAddress.TryParse(_settings.Host, out _)
            ? null
            : new List<ServerName> { new ServerName(NameType.host_name, System.Text.Encoding.ASCII.GetBytes(new System.Globalization.IdnMapping().GetAscii(_settings.Host))) };

    private sealed class Authentication : TlsAuthentication
    {
        private readonly FtpTlsClient _client;

        public Authentication(FtpTlsClient client) => _client = client;

        public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
        {
            Certificate chain = serverCertificate.Certificate;
            var encoded = new List<byte[]>(chain.Length);
            for (int i = 0; i < chain.Length; i++)
            {
                encoded.Add(chain.GetCertificateAt(i).GetEncoded());
            }

            if (!_client._settings.CheckServerCertificate(encoded))
            {
                _client.CertificateRejected = true;
                throw new TlsFatalAlert(AlertDescription.bad_certificate);
            }
        }

        public TlsCredentials? GetClientCredentials(CertificateRequest certificateRequest)
            => _client._settings.ClientCredentials(_client.m_context, certificateRequest);
    }
}
