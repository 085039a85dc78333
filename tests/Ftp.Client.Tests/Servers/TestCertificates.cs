using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ftp.Client.Tests.Servers;

/// <summary>
/// Throwaway certificates made once per test run: a CA, a server certificate it signs for IP
/// 127.0.0.1, one it signs for another name only, and a self-signed one for 127.0.0.1. The
/// servers read them as PEM files; the tests trust exactly the CA through <see cref="TrustTestCa"/>.
/// </summary>
public static class TestCertificates
{
    private static readonly Lazy<Set> Created = new(Create);

    /// <summary>The CA the good server certificates chain to.</summary>
    public static X509Certificate2 Authority => Created.Value.Authority;

    /// <summary>Signed by the CA, for IP 127.0.0.1.</summary>
    public static ServerCertificateFiles Good => Created.Value.Good;

    /// <summary>Signed by the CA, but for the name "other.example" only: the host name does not match.</summary>
    public static ServerCertificateFiles OtherName => Created.Value.OtherName;

    /// <summary>Self-signed for 127.0.0.1: chains to nothing anyone trusts.</summary>
    public static ServerCertificateFiles SelfSigned => Created.Value.SelfSigned;

    /// <summary>The CA as a PEM file, for servers that check client certificates against it.</summary>
    public static string AuthorityPath => Created.Value.AuthorityPath;

    /// <summary>A client certificate (with its private key) signed by the CA.</summary>
    public static X509Certificate2 Client => Created.Value.Client;

    /// <summary>
    /// A <see cref="RemoteCertificateValidationCallback"/> that trusts exactly the test CA: the host
    /// name must match, and the only error the client may have found is the chain (the CA is not a
    /// system root), which is then built again against the CA alone.
    /// </summary>
    public static bool TrustTestCa(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(Authority);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }

    private static Set Create()
    {
        string folder = Path.Combine(Path.GetTempPath(), "ftp-client-tests-certificates-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            // The servers read these as root or as the session user; they are throwaway test keys.
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };

        DateTimeOffset now = DateTimeOffset.UtcNow;
        using RSA authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=Ftp.Client tests CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        X509Certificate2 authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        string authorityPath = Path.Combine(folder, "ca.crt");
        File.WriteAllText(authorityPath, authority.ExportCertificatePem() + "\n");

        using RSA clientKey = RSA.Create(2048);
        var clientRequest = new CertificateRequest("CN=ftptest", clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        clientRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        clientRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.2") }, false));
        using X509Certificate2 clientPublic = clientRequest.Create(authority, now.AddDays(-1), now.AddDays(7), new byte[] { 0x20, 1 });
        X509Certificate2 client = clientPublic.CopyWithPrivateKey(clientKey);

        return new Set(
            authority,
            authorityPath,
            client,
            Issue(folder, "good", "CN=127.0.0.1", san => san.AddIpAddress(IPAddress.Loopback), authority, now, 1),
            Issue(folder, "other-name", "CN=other.example", san => san.AddDnsName("other.example"), authority, now, 2),
            Issue(folder, "self-signed", "CN=127.0.0.1", san => san.AddIpAddress(IPAddress.Loopback), null, now, 3));
    }

    private static ServerCertificateFiles Issue(string folder, string name, string subject, Action<SubjectAlternativeNameBuilder> names, X509Certificate2? issuer, DateTimeOffset now, byte serial)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        names(san);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using X509Certificate2 certificate = issuer is null
            ? request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7))
            : request.Create(issuer, now.AddDays(-1), now.AddDays(7), new byte[] { 0x10, serial });

        var files = new ServerCertificateFiles(Path.Combine(folder, name + ".crt"), Path.Combine(folder, name + ".key"), Path.Combine(folder, name + ".pem"));
        string certificatePem = certificate.ExportCertificatePem() + "\n";
        string keyPem = key.ExportRSAPrivateKeyPem() + "\n";
        File.WriteAllText(files.CertificatePath, certificatePem);
        File.WriteAllText(files.KeyPath, keyPem);
        File.WriteAllText(files.CombinedPath, certificatePem + keyPem);
        foreach (string path in new[] { files.CertificatePath, files.KeyPath, files.CombinedPath })
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
            }
        }

        return files;
    }

    private sealed record Set(X509Certificate2 Authority, string AuthorityPath, X509Certificate2 Client, ServerCertificateFiles Good, ServerCertificateFiles OtherName, ServerCertificateFiles SelfSigned);
}

/// <summary>A server certificate as PEM files: certificate, key, and both in one file (Pure-FTPd).</summary>
public sealed record ServerCertificateFiles(string CertificatePath, string KeyPath, string CombinedPath);

/// <summary>How a test server speaks TLS: with which certificate, and implicitly (TLS from the first byte) or after AUTH TLS.</summary>
/// <param name="Optional">TLS offered but not required: clear logins and clear data connections accepted (pyftpdlib only).</param>
public sealed record ServerTls(ServerCertificateFiles Certificate, bool Implicit = false, bool RequireClientCertificate = false, bool Optional = false)
{
    /// <summary>Explicit TLS with the good certificate, offered but not required (clear logins and data accepted).</summary>
    public static ServerTls ExplicitOptional => new(TestCertificates.Good, Optional: true);

    /// <summary>Explicit TLS with the good certificate; the client must present a certificate from the test CA.</summary>
    public static ServerTls ExplicitWithClientCertificate => new(TestCertificates.Good, RequireClientCertificate: true);

    /// <summary>Explicit TLS with the good certificate.</summary>
    public static ServerTls Explicit => new(TestCertificates.Good);

    /// <summary>Implicit TLS with the good certificate.</summary>
    public static ServerTls ImplicitTls => new(TestCertificates.Good, Implicit: true);
}
