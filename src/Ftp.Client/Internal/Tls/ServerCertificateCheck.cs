using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using X509Extension = Org.BouncyCastle.Asn1.X509.X509Extension;

namespace Ftp.Internal.Tls;

/// <summary>
/// Checks the certificate chain a server sent the way SslStream does (chain against the system's
/// roots, host name against the subject alternative names), then lets the user's callback decide.
/// Without a callback only an error-free certificate passes: never accept-all by default.
/// </summary>
internal sealed class ServerCertificateCheck
{
    private readonly object _sender;
    private readonly string _host;
    private readonly RemoteCertificateValidationCallback? _callback;

    public ServerCertificateCheck(object sender, string host, RemoteCertificateValidationCallback? callback)
    {
        _sender = sender;
        _host = host;
        _callback = callback;
    }

    /// <summary>True when the certificate is accepted. <paramref name="encodedChain"/> is leaf first, as the server sent it.</summary>
    public bool Accepts(IReadOnlyList<byte[]> encodedChain)
    {
        if (encodedChain.Count == 0)
        {
            return _callback?.Invoke(_sender, null, null, SslPolicyErrors.RemoteCertificateNotAvailable) ?? false;
        }

        var certificates = new List<X509Certificate2>(encodedChain.Count);
        using var chain = new X509Chain();
        try
        {
            foreach (byte[] encoded in encodedChain)
            {
                certificates.Add(new X509Certificate2(encoded));
            }

            X509Certificate2 leaf = certificates[0];
            SslPolicyErrors errors = SslPolicyErrors.None;
            if (!MatchesHost(encodedChain[0], _host))
            {
                errors |= SslPolicyErrors.RemoteCertificateNameMismatch;
            }

            // As SslStream by default: no revocation check; the server's intermediates help build the chain.
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1"));
            for (int i = 1; i < certificates.Count; i++)
            {
                chain.ChainPolicy.ExtraStore.Add(certificates[i]);
            }

            if (!chain.Build(leaf))
            {
                errors |= SslPolicyErrors.RemoteCertificateChainErrors;
            }

            return _callback is null ? errors == SslPolicyErrors.None : _callback(_sender, leaf, chain, errors);
        }
        finally
        {
            foreach (X509ChainElement element in chain.ChainElements)
            {
                element.Certificate.Dispose();
            }

            foreach (X509Certificate2 certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>RFC 6125: an IP address matches an iPAddress entry; a name matches a dNSName (one leading wildcard label), or the CN when there is no dNSName.</summary>
    internal static bool MatchesHost(byte[] encodedCertificate, string host)
    {
        X509CertificateStructure certificate = X509CertificateStructure.GetInstance(encodedCertificate);
        IPAddress? address = IPAddress.TryParse(host, out IPAddress? parsed) ? parsed : null;
        bool sawDnsName = false;
        X509Extension? extension = certificate.TbsCertificate.Extensions?.GetExtension(X509Extensions.SubjectAlternativeName);
        if (extension is not null)
        {
            foreach (GeneralName name in GeneralNames.GetInstance(X509Extension.ConvertValueToObject(extension)).GetNames())
            {
                if (name.TagNo == GeneralName.IPAddress && address is not null)
                {
                    byte[] bytes = Asn1OctetString.GetInstance(name.Name).GetOctets();
                    if (bytes.Length == address.GetAddressBytes().Length && new IPAddress(bytes).Equals(address))
                    {
                        return true;
                    }
                }
                else if (name.TagNo == GeneralName.DnsName)
                {
                    sawDnsName = true;
                    if (address is null && DnsNameMatches(DerIA5String.GetInstance(name.Name).GetString(), host))
                    {
                        return true;
                    }
                }
            }
        }

        if (address is not null || sawDnsName)
        {
            return false;
        }

        foreach (string commonName in certificate.Subject.GetValueList(X509Name.CN))
        {
            if (DnsNameMatches(commonName, host))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DnsNameMatches(string pattern, string host)
    {
        pattern = pattern.TrimEnd('.');
        host = host.TrimEnd('.');
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            int dot = host.IndexOf('.');
            return dot > 0 && string.Compare(pattern, 1, host, dot, int.MaxValue, StringComparison.OrdinalIgnoreCase) == 0
                && pattern.Length - 1 == host.Length - dot;
        }

        return string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(pattern, IdnToAscii(host), StringComparison.OrdinalIgnoreCase);
    }

    private static string IdnToAscii(string host)
    {
        try
        {
            return new IdnMapping().GetAscii(host);
        }
        catch (ArgumentException)
        {
            return host;
        }
    }
}
