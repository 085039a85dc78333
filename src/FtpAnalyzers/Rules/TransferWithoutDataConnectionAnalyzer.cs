using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>FTP0004: a transfer is sent with no PASV, EPSV, PORT or EPRT since the previous transfer.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TransferWithoutDataConnectionAnalyzer : SequenceRuleAnalyzer
{
    public TransferWithoutDataConnectionAnalyzer()
        : base(Descriptors.FTP0004_TransferWithoutDataConnection)
    {
    }

    private protected override bool IsViolatedBy(string verb, ConnectionFacts before)
        => FtpVerbs.IsTransfer(verb) && before.CertainlyNoDataConnectionArmed;
}
