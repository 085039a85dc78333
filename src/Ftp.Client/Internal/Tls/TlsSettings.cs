using System.Collections.Generic;
using System.IO;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using CertificateRequest = Org.BouncyCastle.Tls.CertificateRequest;

namespace Ftp.Internal.Tls;

/// <summary>What every TLS connection of one FtpConnection shares: host name, versions, certificate check, client certificates.</summary>
internal sealed class TlsSettings
{
    private readonly ServerCertificateCheck _check;
    private readonly X509Certificate[] _clientCertificates;

    public TlsSettings(string host, SslProtocols protocols, ServerCertificateCheck check, X509CertificateCollection? clientCertificates)
    {
        Host = host;
        Protocols = protocols;
        _check = check;
        _clientCertificates = new X509Certificate[clientCertificates?.Count ?? 0];
        clientCertificates?.CopyTo(_clientCertificates, 0);
    }

    public string Host { get; }

    public SslProtocols Protocols { get; }

    public FtpTlsCrypto Crypto { get; } = new FtpTlsCrypto(new SecureRandom());

    public bool CheckServerCertificate(IReadOnlyList<byte[]> encodedChain) => _check.Accepts(encodedChain);

    /// <summary>The first client certificate whose private key can be used for the signature the server asks for; null sends none.</summary>
    public TlsCredentials? ClientCredentials(TlsClientContext context, CertificateRequest request)
    {
        foreach (X509Certificate candidate in _clientCertificates)
        {
            if (candidate is not X509Certificate2 { HasPrivateKey: true } certificate)
            {
                continue;
            }

            // The key crosses to BouncyCastle as PKCS#12, the one export every platform key offers.
            const string transfer = "ftp-client-transfer";
            byte[] pfx;
            try
            {
                pfx = certificate.Export(X509ContentType.Pkcs12, transfer);
            }
            catch (CryptographicException)
            {
                continue;
            }

            Pkcs12Store store = new Pkcs12StoreBuilder().Build();
            store.Load(new MemoryStream(pfx), transfer.ToCharArray());
            foreach (string alias in store.Aliases)
            {
                if (!store.IsKeyEntry(alias))
                {
                    continue;
                }

                AsymmetricKeyParameter key = store.GetKey(alias).Key;
                SignatureAndHashAlgorithm? algorithm = ChooseSignature(context, request, key);
                if (algorithm is null)
                {
                    continue;
                }

                X509CertificateEntry[] chain = store.GetCertificateChain(alias) ?? new[] { store.GetCertificate(alias) };
                var tlsCertificates = new TlsCertificate[chain.Length];
                for (int i = 0; i < chain.Length; i++)
                {
                    tlsCertificates[i] = Crypto.CreateCertificate(chain[i].Certificate.GetEncoded());
                }

                Certificate tlsChain;
                if (TlsUtilities.IsTlsV13(context))
                {
                    var entries = new CertificateEntry[tlsCertificates.Length];
                    for (int i = 0; i < entries.Length; i++)
                    {
                        entries[i] = new CertificateEntry(tlsCertificates[i], null);
                    }

                    tlsChain = new Certificate(request.GetCertificateRequestContext(), entries);
                }
                else
                {
                    tlsChain = new Certificate(tlsCertificates);
                }

                return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), Crypto, key, tlsChain, algorithm);
            }
        }

        return null;
    }

    // RSA keys sign with RSA-PSS in TLS 1.3 (RFC 8446 4.2.3) and PKCS#1 or PSS in TLS 1.2; EC keys with ECDSA.
    private static SignatureAndHashAlgorithm? ChooseSignature(TlsClientContext context, CertificateRequest request, AsymmetricKeyParameter key)
    {
        bool tls13 = TlsUtilities.IsTlsV13(context);
        IList<SignatureAndHashAlgorithm>? offered = request.SupportedSignatureAlgorithms;
        if (offered is null)
        {
            return null;
        }

        foreach (SignatureAndHashAlgorithm algorithm in offered)
        {
            short signature = algorithm.Signature;
            bool usable = key switch
            {
                RsaKeyParameters => signature is SignatureAlgorithm.rsa_pss_rsae_sha256 or SignatureAlgorithm.rsa_pss_rsae_sha384 or SignatureAlgorithm.rsa_pss_rsae_sha512
                    || (!tls13 && signature == SignatureAlgorithm.rsa),
                ECPrivateKeyParameters => signature == SignatureAlgorithm.ecdsa,
                _ => false,
            };
            if (usable)
            {
                return algorithm;
            }
        }

        return null;
    }
}
