using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>FTP0002: RNTO is sent with no RNFR before it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RntoWithoutRnfrAnalyzer : SequenceRuleAnalyzer
{
    public RntoWithoutRnfrAnalyzer()
        : base(Descriptors.FTP0002_RntoWithoutRnfr)
    {
    }

    private protected override bool IsViolatedBy(string verb, ConnectionFacts before)
        => verb == FtpVerbs.Rnto && before.CertainlyRenameIdle;
}
