namespace FtpAnalyzers.Tests.Rules;

/// <summary>Wraps statements into a compilable member for the sequence-rule tests.</summary>
internal static class SequenceSources
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;
        using Ftp;

        """;

    /// <summary>A method with host, u, pw, s (Stream), files, flag, and a parameter connection p.</summary>
    public static string Method(string body) => Usings + $$"""
        class C
        {
            void M(string host, string u, string pw, Stream s, IEnumerable<string> files, bool flag, FtpConnection p)
            {
        {{body}}
            }

            // Code the analysis cannot see into: the connection goes to a delegate (an escape, even through helpers).
            static Action<FtpConnection> s_login = _ => { };
            static void LoginSomehow(FtpConnection connection) => s_login(connection);
        }
        """;

    /// <summary>The same as an async method.</summary>
    public static string AsyncMethod(string body) => Usings + $$"""
        class C
        {
            async Task M(string host, string u, string pw, Stream s, IEnumerable<string> files, bool flag, FtpConnection p)
            {
        {{body}}
            }
        }
        """;

    /// <summary>Whole members of class C.</summary>
    public static string Members(string members) => Usings + $$"""
        class C
        {
        {{members}}
        }
        """;
}
