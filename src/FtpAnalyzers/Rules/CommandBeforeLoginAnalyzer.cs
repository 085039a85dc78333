using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>FTP0005: a command that needs a login is sent on a connection opened in this method before USER and PASS.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandBeforeLoginAnalyzer : SequenceRuleAnalyzer
{
    public CommandBeforeLoginAnalyzer()
        : base(Descriptors.FTP0005_CommandBeforeLogin)
    {
    }

    private protected override bool IsViolatedBy(string verb, ConnectionFacts before)
        => FtpVerbs.NeedsLogin(verb) && before.CertainlyNotLoggedIn;
}
