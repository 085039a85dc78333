using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>FTP0001: PASS is sent while no USER is armed (none sent, or already used by an earlier PASS).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PassWithoutUserAnalyzer : SequenceRuleAnalyzer
{
    public PassWithoutUserAnalyzer()
        : base(Descriptors.FTP0001_PassWithoutUser)
    {
    }

    private protected override bool IsViolatedBy(string verb, ConnectionFacts before)
        => verb == FtpVerbs.Pass && before.CertainlyNoUserArmed;
}
