using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>FTP0003: a command other than RNTO is sent right after RNFR. Reported on that command: it is the one to move (ProFTPD refuses it with 501, inetutils then answers RNTO with 503).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandBetweenRnfrAndRntoAnalyzer : SequenceRuleAnalyzer
{
    public CommandBetweenRnfrAndRntoAnalyzer()
        : base(Descriptors.FTP0003_CommandBetweenRnfrAndRnto)
    {
    }

    private protected override bool IsViolatedBy(string verb, ConnectionFacts before)
        => before.CertainlyRenamePending && FtpVerbs.InterruptsRename(verb);
}
