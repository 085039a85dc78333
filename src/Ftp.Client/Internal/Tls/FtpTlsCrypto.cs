using System;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Ftp.Internal.Tls;

/// <summary>
/// BouncyCastle's crypto, plus the one step its TLS 1.3 client lacks to offer a resumption PSK
/// (a ticket) rather than an external one: the PSK binder's key is derived with the label
/// "res binder", not "ext binder" (RFC 8446 7.1). BouncyCastle 2.7 writes "ext binder" for every
/// PSK it offers. The early secret of a <see cref="ResumptionPskKey"/> is therefore made a
/// <see cref="ResumptionEarlySecret"/>, which derives that one key with the right label. All the
/// arithmetic stays BouncyCastle's: HKDF-Extract and HKDF-Expand of its <see cref="BcTlsSecret"/>.
/// </summary>
internal sealed class FtpTlsCrypto : BcTlsCrypto
{
    public FtpTlsCrypto(SecureRandom random)
        : base(random)
    {
    }

    // The zero salt every TLS 1.3 early secret is extracted with: HKDF-Extract(0, PSK).
    public override TlsSecret HkdfInit(int cryptoHashAlgorithm)
        => new ExtractSalt(this, new byte[TlsCryptoUtilities.GetHashOutputSize(cryptoHashAlgorithm)]);

    private sealed class ExtractSalt : BcTlsSecret
    {
        public ExtractSalt(BcTlsCrypto crypto, byte[] data)
            : base(crypto, data)
        {
        }

        public override TlsSecret HkdfExtract(int cryptoHashAlgorithm, TlsSecret ikm)
        {
            TlsSecret prk = base.HkdfExtract(cryptoHashAlgorithm, ikm);
            return ikm is ResumptionPskKey ? new ResumptionEarlySecret(m_crypto, prk.Extract()) : prk;
        }
    }
}

/// <summary>The PSK of a ticket: marks the secret whose early secret derives the "res binder" key.</summary>
internal sealed class ResumptionPskKey : BcTlsSecret
{
    public ResumptionPskKey(BcTlsCrypto crypto, byte[] data)
        : base(crypto, data)
    {
    }
}

/// <summary>
/// The early secret of a resumption PSK. Derivations from it are BouncyCastle's, except that the
/// HKDF label "tls13 ext binder" becomes "tls13 res binder" (same length), the binder key of a
/// resumption PSK (RFC 8446 7.1).
/// </summary>
/// <remarks>
/// BouncyCastle's builds differ: its .NET 6 build derives through the ReadOnlySpan overload of
/// HkdfExpand, its netstandard2.0 build through the byte[] one. The net8.0 build of this client
/// overrides both. The netstandard2.0 build cannot name the span overload as an override (its
/// BouncyCastle reference has none), yet may run with BouncyCastle's .NET 6 build: it re-implements
/// <see cref="TlsSecret"/>, so the runtime maps the interface's span overload, by name and
/// signature, to the public virtual method below; BouncyCastle calls it through that interface.
/// </remarks>
#if NETSTANDARD2_0
internal class ResumptionEarlySecret : BcTlsSecret, TlsSecret
#else
internal sealed class ResumptionEarlySecret : BcTlsSecret
#endif
{
    private static readonly byte[] ExternalBinder = System.Text.Encoding.ASCII.GetBytes("tls13 ext binder");
    private static readonly byte[] ResumptionBinder = System.Text.Encoding.ASCII.GetBytes("tls13 res binder");

    public ResumptionEarlySecret(BcTlsCrypto crypto, byte[] data)
        : base(crypto, data)
    {
    }

#if NETSTANDARD2_0
    public override TlsSecret HkdfExpand(int cryptoHashAlgorithm, byte[] info, int length)
        => base.HkdfExpand(cryptoHashAlgorithm, Relabel(info), length);

    // Not an override here (see the remarks): the runtime's TlsSecret.HkdfExpand(int, ReadOnlySpan, int).
    public virtual TlsSecret HkdfExpand(int cryptoHashAlgorithm, ReadOnlySpan<byte> info, int length)
        => base.HkdfExpand(cryptoHashAlgorithm, Relabel(info.ToArray()), length);
#else
    // Each calls BouncyCastle's span overload directly: its byte[] overload calls back the span one.
    public override TlsSecret HkdfExpand(int cryptoHashAlgorithm, byte[] info, int length)
        => base.HkdfExpand(cryptoHashAlgorithm, new ReadOnlySpan<byte>(Relabel(info)), length);

    public override TlsSecret HkdfExpand(int cryptoHashAlgorithm, ReadOnlySpan<byte> info, int length)
        => base.HkdfExpand(cryptoHashAlgorithm, new ReadOnlySpan<byte>(Relabel(info.ToArray())), length);
#endif

    /// <summary>HkdfLabel = uint16 length, opaque label&lt;7..255&gt;, opaque context&lt;0..255&gt; (RFC 8446 7.1).</summary>
    internal static byte[] Relabel(byte[] info)
    {
        if (info.Length < 3 + ExternalBinder.Length || info[2] != ExternalBinder.Length)
        {
            return info;
        }

        for (int i = 0; i < ExternalBinder.Length; i++)
        {
            if (info[3 + i] != ExternalBinder[i])
            {
                return info;
            }
        }

        byte[] relabelled = (byte[])info.Clone();
        ResumptionBinder.CopyTo(relabelled, 3);
        return relabelled;
    }
}
