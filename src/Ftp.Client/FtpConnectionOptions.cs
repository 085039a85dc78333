using System;
using System.Text;

namespace Ftp;

/// <summary>Settings of an <see cref="FtpConnection"/>. Every timeout is finite by default.</summary>
public sealed class FtpConnectionOptions
{
    /// <summary>How long opening the control or a data connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a reply may take, from the first byte awaited to its last line (so a server that
    /// trickles a reply byte by byte is cut off too), and how long a data connection may stay
    /// silent during a transfer. When it runs out the call throws <see cref="TimeoutException"/>
    /// and the connection is closed. Independently of time, a reply line longer than 8 KiB or a
    /// reply of more than 10,000 lines (or 1 MiB) throws <see cref="FtpProtocolException"/>.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the data connection goes after PASV. Defaults to the control address.</summary>
    public PassiveAddressPolicy PassiveAddressPolicy { get; set; } = PassiveAddressPolicy.UseControlAddress;

    /// <summary>The encoding of commands and replies (path names). UTF-8 by default.</summary>
    public Encoding Encoding { get; set; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Called with every line sent ("&gt; USER bob") and received ("&lt; 331 Password required"),
    /// as each line goes out or comes in; the password shows as "&gt; PASS ****".
    /// </summary>
    public Action<string>? Log { get; set; }
}
