using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>FTP0008: PBSZ on a connection with no accepted AUTH TLS, or PROT with no PBSZ accepted before it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TlsSetupOutOfOrderAnalyzer : SequenceRuleAnalyzer
{
    public TlsSetupOutOfOrderAnalyzer()
        : base(Descriptors.FTP0008_TlsSetupOutOfOrder)
    {
    }

    private protected override bool IsViolatedBy(string verb, ConnectionFacts before)
        => (verb == FtpVerbs.Pbsz && before.CertainlyTlsOff)
           || (FtpVerbs.IsProt(verb) && before.CertainlyNoPbsz);
}
