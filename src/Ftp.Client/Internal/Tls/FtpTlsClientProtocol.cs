using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace Ftp.Internal.Tls;

/// <summary>
/// BouncyCastle's client protocol plus what TLS 1.3 session resumption needs on the client side
/// (RFC 8446 4.6.1 and 7.1), which BouncyCastle 2.7 lacks: it reads the server's NewSessionTicket
/// messages and drops them. This subclass keeps the tickets, each with its resumption PSK, derived
/// with BouncyCastle's own key schedule (HKDF-Expand-Label over the connection's secrets).
/// </summary>
internal sealed class FtpTlsClientProtocol : TlsClientProtocol
{
    // RFC 8446 4.6.1: how many tickets to keep; OpenSSL servers send two after a full handshake.
    private const int MaxTickets = 4;

    // The one piece of state BouncyCastle 2.7 does not expose: the running transcript hash, needed
    // for resumption_master_secret = Derive-Secret(master_secret, "res master", ClientHello..client
    // Finished). Read once, by name; when absent (another BouncyCastle version) no ticket is kept,
    // and data connections say they cannot resume.
    private static readonly FieldInfo? HandshakeHashField = typeof(TlsProtocol).GetField("m_handshakeHash", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly List<ResumptionTicket> _tickets = new();
    private TlsSecret? _resumptionMasterSecret;
    private int _prfAlgorithm;
    private int _cipherSuite;

    public FtpTlsClientProtocol(Stream stream)
        : base(stream)
    {
    }

    public FtpTlsClientProtocol(Stream input, Stream output)
        : base(input, output)
    {
    }

    /// <summary>True when this BouncyCastle exposes what ticket resumption needs (checked by a test).</summary>
    internal static bool CanKeepTickets => HandshakeHashField is not null && typeof(TlsHandshakeHash).IsAssignableFrom(HandshakeHashField.FieldType);

    /// <summary>Why no ticket can be kept, for messages; null when tickets are kept.</summary>
    public string? NoTicketReason { get; private set; }

    /// <summary>The newest ticket the server sent on this connection, or null.</summary>
    public ResumptionTicket? LatestTicket
    {
        get
        {
            lock (_tickets)
            {
                return _tickets.Count == 0 ? null : _tickets[_tickets.Count - 1];
            }
        }
    }

    protected override void Send13FinishedMessage()
    {
        base.Send13FinishedMessage();

        // The transcript now ends with the client's Finished, and the master secret is still alive
        // (the handshake's secrets are cleared when it completes).
        SecurityParameters parameters = Context.SecurityParameters;
        if (!CanKeepTickets || HandshakeHashField!.GetValue(this) is not TlsHandshakeHash transcript)
        {
            NoTicketReason = "this BouncyCastle version does not expose the TLS transcript hash, so TLS 1.3 tickets cannot be used";
            return;
        }

        byte[] transcriptHash = transcript.ForkPrfHash().CalculateHash();
        _prfAlgorithm = parameters.PrfAlgorithm;
        _cipherSuite = parameters.CipherSuite;
        _resumptionMasterSecret = TlsCryptoUtilities.HkdfExpandLabel(parameters.MasterSecret, parameters.PrfCryptoHashAlgorithm, "res master", transcriptHash, parameters.PrfHashLength);
    }

    protected override void Receive13NewSessionTicket(MemoryStream buf)
    {
        long start = buf.Position;

        // struct { uint32 ticket_lifetime; uint32 ticket_age_add; opaque ticket_nonce<0..255>;
        //          opaque ticket<1..2^16-1>; Extension extensions<0..2^16-2>; } NewSessionTicket;
        long lifetime = TlsUtilities.ReadUint32(buf);
        TlsUtilities.ReadUint32(buf);
        byte[] nonce = TlsUtilities.ReadOpaque8(buf);
        byte[] ticket = TlsUtilities.ReadOpaque16(buf, 1);
        buf.Position = start;

        // BouncyCastle's own reading checks the message's form (and that the handshake is over).
        base.Receive13NewSessionTicket(buf);

        TlsSecret? master = _resumptionMasterSecret;
        if (master is null || lifetime == 0)
        {
            return;
        }

        int hash = TlsCryptoUtilities.GetHashForPrf(_prfAlgorithm);
        int length = TlsCryptoUtilities.GetHashOutputSize(hash);

        // RFC 8446 4.6.1: PSK = HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length).
        byte[] psk = TlsCryptoUtilities.HkdfExpandLabel(master, hash, "resumption", nonce, length).Extract();
        lock (_tickets)
        {
            _tickets.Add(new ResumptionTicket(ticket, psk, _prfAlgorithm, _cipherSuite));
            if (_tickets.Count > MaxTickets)
            {
                _tickets.RemoveAt(0);
            }
        }
    }
}

/// <summary>A TLS 1.3 ticket and the resumption PSK it stands for (RFC 8446 4.6.1).</summary>
internal sealed class ResumptionTicket
{
    private readonly byte[] _psk;

    public ResumptionTicket(byte[] identity, byte[] psk, int prfAlgorithm, int cipherSuite)
    {
        Identity = identity;
        _psk = psk;
        PrfAlgorithm = prfAlgorithm;
        CipherSuite = cipherSuite;
    }

    /// <summary>The ticket, sent back as the PSK identity.</summary>
    public byte[] Identity { get; }

    /// <summary>The PRF of the session the ticket resumes: only cipher suites with its hash can resume it.</summary>
    public int PrfAlgorithm { get; }

    /// <summary>The cipher suite of the connection that received the ticket.</summary>
    public int CipherSuite { get; }

    /// <summary>A fresh key object for one handshake (BouncyCastle consumes the secrets it is given).</summary>
    public TlsSecret CreateKey(FtpTlsCrypto crypto) => new ResumptionPskKey(crypto, (byte[])_psk.Clone());
}
