using System;

namespace Ftp.Internal;

/// <summary>Builds command lines and the text that may be shown of them.</summary>
internal static class CommandLine
{
    /// <summary>"VERB argument", after checking that the argument cannot smuggle in a second command.</summary>
    public static string Format(string verb, string? argument, string parameterName)
    {
        if (argument is null)
        {
            return verb;
        }

        RejectLineBreaks(argument, parameterName);
        return verb + " " + argument;
    }

    /// <summary>CR or LF would end the command early and start another one: command injection.</summary>
    public static void RejectLineBreaks(string text, string parameterName)
    {
        if (text.IndexOf('\r') >= 0 || text.IndexOf('\n') >= 0)
        {
            throw new ArgumentException("An FTP command argument cannot contain CR or LF: they would end the command and start another.", parameterName);
        }
    }

    /// <summary>The verb of a raw command line, upper case.</summary>
    public static string VerbOf(string commandLine)
    {
        int space = commandLine.IndexOf(' ');
        return (space < 0 ? commandLine : commandLine.Substring(0, space)).ToUpperInvariant();
    }

    /// <summary>The argument of a raw command line, or null.</summary>
    public static string? ArgumentOf(string commandLine)
    {
        int space = commandLine.IndexOf(' ');
        return space < 0 ? null : commandLine.Substring(space + 1);
    }

    /// <summary>What the log shows of a command line: the password never.</summary>
    public static string ForLog(string verb, string commandLine)
        => verb == "PASS" ? "PASS ****" : commandLine;

    /// <summary>The method a user calls for a verb: "RETR" becomes "Retr()" or "RetrAsync()".</summary>
    public static string MethodName(string verb, bool isAsync)
        => verb.Substring(0, 1) + verb.Substring(1).ToLowerInvariant() + (isAsync ? "Async()" : "()");
}
