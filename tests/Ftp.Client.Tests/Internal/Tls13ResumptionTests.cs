using System.Text;
using Ftp.Internal.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace Ftp.Client.Tests.Internal;

/// <summary>The two pieces BouncyCastle 2.7 lacks for TLS 1.3 resumption (the real-server tests show they work together).</summary>
public class Tls13ResumptionTests
{
    [Fact]
    public void This_BouncyCastle_exposes_the_transcript_hash_tickets_need()
    {
        // If an upgrade renames it, TLS 1.3 data connections stop resuming: this fails first.
        Assert.True(FtpTlsClientProtocol.CanKeepTickets);
    }

    [Fact]
    public void Only_the_ext_binder_label_becomes_res_binder()
    {
        byte[] external = HkdfLabel("ext binder", new byte[32]);
        byte[] other = HkdfLabel("c hs traffic", new byte[32]);

        Assert.Equal(HkdfLabel("res binder", new byte[32]), ResumptionEarlySecret.Relabel(external));
        Assert.Same(other, ResumptionEarlySecret.Relabel(other));
    }

    [Fact]
    public void The_early_secret_of_a_ticket_derives_the_res_binder_key_and_nothing_else_changes()
    {
        var crypto = new FtpTlsCrypto(new Org.BouncyCastle.Security.SecureRandom());
        byte[] psk = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
        byte[] empty = new byte[32];

        TlsSecret ticketEarly = crypto.HkdfInit(CryptoHashAlgorithm.sha256).HkdfExtract(CryptoHashAlgorithm.sha256, new ResumptionPskKey(crypto, (byte[])psk.Clone()));
        TlsSecret plainEarly = crypto.HkdfInit(CryptoHashAlgorithm.sha256).HkdfExtract(CryptoHashAlgorithm.sha256, crypto.CreateSecret((byte[])psk.Clone()));

        Assert.IsType<ResumptionEarlySecret>(ticketEarly);
        Assert.IsNotType<ResumptionEarlySecret>(plainEarly);
        Assert.Equal(
            Expand(plainEarly, "res binder", empty),
            Expand(ticketEarly, "ext binder", empty));
        Assert.Equal(
            Expand(plainEarly, "derived", empty),
            Expand(ticketEarly, "derived", empty));
    }

    private static byte[] Expand(TlsSecret secret, string label, byte[] context)
        => TlsCryptoUtilities.HkdfExpandLabel(secret, CryptoHashAlgorithm.sha256, label, context, 32).Extract();

    // RFC 8446 7.1: uint16 length, opaque label<7..255> ("tls13 " + label), opaque context<0..255>.
    private static byte[] HkdfLabel(string label, byte[] context)
    {
        byte[] full = Encoding.ASCII.GetBytes("tls13 " + label);
        var bytes = new byte[2 + 1 + full.Length + 1 + context.Length];
        bytes[1] = 32;
        bytes[2] = (byte)full.Length;
        full.CopyTo(bytes, 3);
        bytes[3 + full.Length] = (byte)context.Length;
        context.CopyTo(bytes, 4 + full.Length);
        return bytes;
    }
}
