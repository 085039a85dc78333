using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.Rules;
using FtpAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static FtpAnalyzers.Tests.Rules.SequenceSources;

namespace FtpAnalyzers.Tests.Rules;

/// <summary>
/// What holds for every sequence rule: silent on the correct code, on code being typed and
/// on generated code; working in every language version from C# 7.3 on.
/// </summary>
public class SequenceRulesTests
{
    public static TheoryData<string> RuleIds => new() { "FTP0001", "FTP0002", "FTP0003", "FTP0004", "FTP0005", "FTP0008", "FTP0009", "FTP0010" };

    public static TheoryData<string, string> CorrectCode()
    {
        var data = new TheoryData<string, string>();
        string[] snippets =
        {
            "using var c = FtpConnection.Connect(host); c.User(u); c.Noop(); c.Pass(pw);",
            "using var c = FtpConnection.Connect(host); if (c.User(u).Code == 331) c.Pass(pw);",
            "using var c = FtpConnection.Connect(host); c.Login(u, pw); c.Pasv(); c.Type(FtpDataType.Binary); c.Retr(\"f\", s);",
            "using var c = FtpConnection.Connect(host); c.Login(u, pw); foreach (var f in files) { c.Pasv(); c.Retr(f, s); }",
            "using var c = FtpConnection.Connect(host); c.AuthTls(); c.Pbsz(0); c.Prot(FtpProtection.Private); c.Login(u, pw); c.Pasv(); c.Retr(\"f\", s);",
            "void Helper(FtpConnection x) { x.Pass(pw); }",
            "using var c = FtpConnection.Connect(host); LoginSomehow(c); c.Pasv(); c.Retr(\"f\", s);",
            "using var c = FtpConnection.Connect(host); c.Login(u, pw); if (flag) c.Pasv(); if (flag) c.Retr(\"f\", s);",
            "using var c = FtpConnection.Connect(host); c.Login(u, pw); c.Rename(\"a\", \"b\"); c.Download(\"f\", s);",
            "using var c = FtpConnection.Connect(host); c.Login(u, pw); c.Rename(\"a\", \"b\"); c.Upload(\"f\", s); c.Download(\"f\", s); c.Rnfr(\"x\"); c.Rnto(\"y\"); c.Quit();",
            "p.Pass(pw); p.Retr(\"f\", s); p.Pwd();",
        };
        foreach (var rule in RuleIds)
        {
            foreach (var snippet in snippets)
                data.Add(rule, snippet);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorrectCode))]
    public Task CorrectCode_IsNotFlagged(string ruleId, string statements)
        => Run(ruleId, Method(statements), CompilerDiagnostics.Errors);

    public static TheoryData<string, string> CodeBeingTyped()
    {
        var data = new TheoryData<string, string>();
        string[] sources =
        {
            Method("using var c = FtpConnection.Connect(host); c.Pass("),
            Method("using var c = FtpConnection.Connect(host); c.Pass(pw) c.Pass(pw);"),
            Method("using var c = FtpConnection.Connect(host); c.Unknown(); c.Retr(\"f\");"),
            Method("var c = FtpConnection.Connect(); c.Pasv().; c.Retr(\"f\", s); c.Retr(\"f\", s)"),
            Method("c.Pasv(); c.Retr(\"a\", s);"),
            Method("using var c = FtpConnection.Connect(host); c.SendCommand(); c.SendCommand(42); c.SendCommand(\"\"); c.SendCommand(\" \");"),
            Method("using var c = FtpConnection.Connect(host); foreach (var f in ) { c.Retr(f, s) } goto nowhere;"),
            Method("using var c = FtpConnection.Connect(host); Action a = () => c.; a(); var x = c switch { };"),
            Method("FtpConnection c = null; c = ; c.Retr(\"a\", s); c.Retr(\"a\", s);"),
            Members("[FtpCommand] static void Broken(FtpConnection c) { } [FtpCommand(null)] static void Null(FtpConnection c) { } [FtpCommand(\"\")] static void Empty(FtpConnection c) { } void M(FtpConnection c) { Broken(c); Null(c); Empty(c); Broken(); }"),
            Members("FtpReply P => _c.; FtpConnection _c = FtpConnection.Connect(\"h\").Pasv(;"),
            Members("void M(FtpConnection c) { c.Retr(\"a\", Stream.Null); c.Retr(\"a\", Stream.Null) } }} void N("),
        };
        foreach (var rule in RuleIds)
        {
            foreach (var source in sources)
                data.Add(rule, source);
        }

        return data;
    }

    /// <summary>Code with compile errors: no exception (it would show as AD0001) and no guess.</summary>
    [Theory]
    [MemberData(nameof(CodeBeingTyped))]
    public Task CodeBeingTyped_NeitherCrashesNorGuesses(string ruleId, string source)
        => Run(ruleId, source, CompilerDiagnostics.None);

    /// <summary>One mistake per rule, in syntax every language version from C# 7.3 on accepts.</summary>
    private static readonly Dictionary<string, string> Mistakes = new()
    {
        ["FTP0001"] = "c.User(\"u\"); c.Pass(\"p\"); {|FTP0001:c.Pass(\"p\")|};",
        ["FTP0002"] = "c.Login(\"u\", \"p\"); {|FTP0002:c.Rnto(\"b\")|};",
        ["FTP0003"] = "c.Login(\"u\", \"p\"); c.Rnfr(\"a\"); {|FTP0003:c.Pwd()|}; c.Rnto(\"b\");",
        ["FTP0004"] = "c.Login(\"u\", \"p\"); c.Pasv(); c.Retr(\"a\", s); {|FTP0004:c.Retr(\"b\", s)|};",
        ["FTP0005"] = "{|FTP0005:c.Cwd(\"/\")|};",
        ["FTP0008"] = "{|FTP0008:c.Pbsz(0)|}; c.AuthTls();",
        ["FTP0009"] = "c.Login(\"u\", \"p\"); {|FTP0009:c.AuthTls()|};",
        ["FTP0010"] = "c.AuthTls(); c.Login(\"u\", \"p\"); c.Pasv(); {|FTP0010:c.Retr(\"a\", s)|};",
    };

    public static TheoryData<string, LanguageVersion> LanguageVersions()
    {
        var data = new TheoryData<string, LanguageVersion>();
        foreach (var rule in RuleIds)
        {
            foreach (var version in new[] { LanguageVersion.CSharp7_3, LanguageVersion.CSharp8, LanguageVersion.CSharp9, LanguageVersion.CSharp10, LanguageVersion.CSharp11, LanguageVersion.CSharp12, LanguageVersion.Latest, LanguageVersion.Preview })
                data.Add(rule, version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public Task EveryLanguageVersion_IsAnalyzed(string ruleId, LanguageVersion version)
        => Run(ruleId, ClassicMethod(Mistakes[ruleId]), CompilerDiagnostics.Errors, version);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public Task GeneratedCode_IsSkipped(string ruleId)
    {
        var mistake = Mistakes[ruleId].Replace("{|" + ruleId + ":", "").Replace("|}", "");
        return Run(ruleId, "// <auto-generated />\n" + ClassicMethod(mistake), CompilerDiagnostics.Errors);
    }

    private static string ClassicMethod(string statements) => """
        using System.IO;
        using Ftp;

        class C
        {
            void M(string host, Stream s)
            {
                using (var c = FtpConnection.Connect(host))
                {
        """ + statements + """

                }
            }
        }
        """;

    private static Task Run(string ruleId, string source, CompilerDiagnostics compilerDiagnostics, LanguageVersion version = LanguageVersion.Latest)
        => ruleId switch
        {
            "FTP0001" => Run(new CSharpAnalyzerVerifier<PassWithoutUserAnalyzer>.Test(), source, compilerDiagnostics, version),
            "FTP0002" => Run(new CSharpAnalyzerVerifier<RntoWithoutRnfrAnalyzer>.Test(), source, compilerDiagnostics, version),
            "FTP0003" => Run(new CSharpAnalyzerVerifier<CommandBetweenRnfrAndRntoAnalyzer>.Test(), source, compilerDiagnostics, version),
            "FTP0004" => Run(new CSharpAnalyzerVerifier<TransferWithoutDataConnectionAnalyzer>.Test(), source, compilerDiagnostics, version),
            "FTP0005" => Run(new CSharpAnalyzerVerifier<CommandBeforeLoginAnalyzer>.Test(), source, compilerDiagnostics, version),
            "FTP0008" => Run(new CSharpAnalyzerVerifier<TlsSetupOutOfOrderAnalyzer>.Test(), source, compilerDiagnostics, version),
            "FTP0009" => Run(new CSharpAnalyzerVerifier<CredentialsBeforeAuthTlsAnalyzer>.Test(), source, compilerDiagnostics, version),
            "FTP0010" => Run(new CSharpAnalyzerVerifier<TransferWithoutProtPrivateAnalyzer>.Test(), source, compilerDiagnostics, version),
            _ => throw new System.ArgumentOutOfRangeException(nameof(ruleId)),
        };

    private static Task Run<TAnalyzer>(CSharpAnalyzerVerifier<TAnalyzer>.Test test, string source, CompilerDiagnostics compilerDiagnostics, LanguageVersion version)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        test.TestCode = source;
        test.CompilerDiagnostics = compilerDiagnostics;
        test.LanguageVersion = version;
        return test.RunAsync(CancellationToken.None);
    }
}
