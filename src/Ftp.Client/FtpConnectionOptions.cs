using System;
using System.Text;

namespace Ftp;

/// <summary>Settings of an <see cref="FtpConnection"/>. Every timeout is finite by default.</summary>
public sealed class FtpConnectionOptions
{
    /// <summary>How long opening the control or a data connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the server may stay silent while a reply or data is expected.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the data connection goes after PASV. Defaults to the control address.</summary>
    public PassiveAddressPolicy PassiveAddressPolicy { get; set; } = PassiveAddressPolicy.UseControlAddress;

    /// <summary>The encoding of commands and replies (path names). UTF-8 by default.</summary>
    public Encoding Encoding { get; set; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Called with every line sent and received; the password shows as PASS ****.</summary>
    public Action<string>? Log { get; set; }
}
