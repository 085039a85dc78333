using System;
using System.Net;

namespace Ftp.Client.Tests;

public class PassiveEndpointTests
{
    [Theory]
    [InlineData("227 Entering Passive Mode (127,0,0,1,238,76).", 61004)]   // vsftpd, ProFTPD
    [InlineData("227 Entering Passive Mode (127,0,0,1,238,76)", 61004)]    // Pure-FTPd, inetutils
    [InlineData("227 Entering passive mode (127,0,0,1,238,76).", 61004)]   // pyftpdlib
    [InlineData("227 Data transfer will passively listen to 127,0,0,1,4,51", 1075)]
    [InlineData("227 Entering passive mode. 127,0,0,1,4,51", 1075)]
    [InlineData("227 =127,0,0,1,4,51", 1075)]
    [InlineData("227 Entering Passive Mode v2 (127,0,0,1,4,51)", 1075)]
    [InlineData("227 (127,0,0,1,255,255)", 65535)]
    [InlineData("227 (127,0,0,1,0,1)", 1)]
    [InlineData("227-Entering Passive Mode\r\n227 (127,0,0,1,4,51)", 1075)]
    public void Pasv_replies_of_every_known_shape_give_address_and_port(string text, int port)
    {
        PassiveEndpoint endpoint = PassiveEndpoint.Parse(text);

        Assert.Equal(IPAddress.Parse("127.0.0.1"), endpoint.AdvertisedAddress);
        Assert.Equal(port, endpoint.Port);
    }

    [Fact]
    public void P1_above_127_is_an_ordinary_port_not_a_negative_number()
    {
        PassiveEndpoint endpoint = PassiveEndpoint.Parse("227 Entering Passive Mode (192,168,200,10,250,0).");

        Assert.Equal(IPAddress.Parse("192.168.200.10"), endpoint.AdvertisedAddress);
        Assert.Equal(64000, endpoint.Port);
    }

    [Theory]
    [InlineData("229 Entering Extended Passive Mode (|||61008|)", 61008)]  // vsftpd, ProFTPD
    [InlineData("229 Extended Passive mode OK (|||61024|)", 61024)]        // Pure-FTPd
    [InlineData("229 Entering extended passive mode (|||61032|).", 61032)] // pyftpdlib
    [InlineData("229 Entering Extended Passive Mode (!!!1075!)", 1075)]
    [InlineData("229 ok (###65535#)", 65535)]
    [InlineData("229 Entering Extended Passive Mode (EPSV) (|||2121|)", 2121)]
    public void Epsv_replies_with_any_repeated_delimiter_give_the_port_and_no_address(string text, int port)
    {
        PassiveEndpoint endpoint = PassiveEndpoint.Parse(text);

        Assert.Null(endpoint.AdvertisedAddress);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("227")]
    [InlineData("227 Entering Passive Mode")]                          // no digits
    [InlineData("227 Entering Passive Mode (127,0,0,1,4)")]            // five numbers
    [InlineData("227 Entering Passive Mode (127,0,0,1)")]              // port missing
    [InlineData("227 Entering Passive Mode (127,0,,1,4,51)")]          // empty number
    [InlineData("227 Entering Passive Mode (127,0,0,1,4,)")]           // trailing comma
    [InlineData("227 Entering Passive Mode (127,0,0,256,4,51)")]       // > 255
    [InlineData("227 Entering Passive Mode (127,0,0,1,4,300)")]        // port byte > 255
    [InlineData("227 Entering Passive Mode (127,0,0,1,4,99999999999999999999)")] // huge
    [InlineData("227 Entering Passive Mode (0127,0,0,1,4,51)")]        // overlong digit run
    [InlineData("227 Entering Passive Mode (127,0,0,1,4,51,7)")]       // seven numbers
    [InlineData("227 Entering Passive Mode (127,0,0,1,0,0)")]          // port 0
    [InlineData("200 Entering Passive Mode (127,0,0,1,4,51)")]         // not a 227
    [InlineData("2270 (127,0,0,1,4,51)")]
    [InlineData("229 Entering Extended Passive Mode")]                 // no parentheses
    [InlineData("229 Entering Extended Passive Mode (|||)")]           // no port
    [InlineData("229 Entering Extended Passive Mode (||61008|)")]      // two delimiters
    [InlineData("229 Entering Extended Passive Mode (|!|61008|)")]     // mixed delimiters
    [InlineData("229 Entering Extended Passive Mode (|||61008!)")]     // wrong closing delimiter
    [InlineData("229 Entering Extended Passive Mode (|||61008|")]      // no closing parenthesis
    [InlineData("229 Entering Extended Passive Mode (|||65536|)")]     // > 65535
    [InlineData("229 Entering Extended Passive Mode (|||0|)")]         // port 0
    [InlineData("229 Entering Extended Passive Mode (|||99999999999|)")]
    [InlineData("229 Entering Extended Passive Mode (111611|)")]       // digit delimiter
    [InlineData("229 Entering Extended Passive Mode (   61008 )")]     // space is not printable
    public void Malformed_replies_throw_FormatException_and_TryParse_returns_false(string text)
    {
        Assert.Throws<FormatException>(() => PassiveEndpoint.Parse(text));
        Assert.False(PassiveEndpoint.TryParse(text, out PassiveEndpoint endpoint));
        Assert.Equal(default, endpoint);
    }

    [Fact]
    public void Null_is_rejected()
    {
        Assert.False(PassiveEndpoint.TryParse(null, out _));
        Assert.Throws<ArgumentNullException>(() => PassiveEndpoint.Parse((string)null!));
        Assert.Throws<ArgumentNullException>(() => PassiveEndpoint.Parse((FtpReply)null!));
    }

    [Fact]
    public void Parse_of_a_reply_reads_its_lines()
    {
        var reply = new FtpReply(227, new[] { "227 Entering Passive Mode (10,1,2,3,4,51)." });

        Assert.Equal(1075, PassiveEndpoint.Parse(reply).Port);
        Assert.Throws<FormatException>(() => PassiveEndpoint.Parse(new FtpReply(200, new[] { "200 (127,0,0,1,4,51)" })));
    }

    [Fact]
    public void ToEndPoint_uses_the_given_control_address_not_the_advertised_one()
    {
        PassiveEndpoint endpoint = PassiveEndpoint.Parse("227 Entering Passive Mode (10,0,0,5,4,51).");

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 1075), endpoint.ToEndPoint(IPAddress.Loopback));
    }
}
