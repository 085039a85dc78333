using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>
/// FTP0010: a transfer on a connection whose control channel is TLS (AUTH TLS sent, or opened with
/// a visible constant Encryption Explicit/Implicit) with no PROT P accepted since. A transfer before
/// the login is FTP0005's (the server answers 530, no data moves), not this rule's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TransferWithoutProtPrivateAnalyzer : SequenceRuleAnalyzer
{
    public TransferWithoutProtPrivateAnalyzer()
        : base(Descriptors.FTP0010_TransferWithoutProtPrivate)
    {
    }

    private protected override bool IsViolatedBy(string verb, ConnectionFacts before)
        => FtpVerbs.IsTransfer(verb) && before.CertainlyTlsOn && before.CertainlyNotProtPrivate && !before.CertainlyNotLoggedIn;

    // More paths can make "not logged in" uncertain: that part cannot rule a mistake out.
    private protected override bool CouldBeViolatedGiven(string verb, ConnectionFacts fewerPaths)
        => FtpVerbs.IsTransfer(verb) && fewerPaths.CertainlyTlsOn && fewerPaths.CertainlyNotProtPrivate;
}
