using System;

namespace Ftp;

/// <summary>
/// Marks a method that sends one FTP command, named by its verb. The FtpAnalyzers rules treat a
/// call to a marked method as that command on the connection it is called on: an instance method
/// of <see cref="FtpConnection"/>, or a wrapper or extension method whose first parameter is the
/// connection.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FtpCommandAttribute : Attribute
{
    /// <summary>Creates the attribute for <paramref name="verb"/> (for example "RETR").</summary>
    public FtpCommandAttribute(string verb) => Verb = verb;

    /// <summary>The command verb, upper case, as sent on the wire.</summary>
    public string Verb { get; }
}
