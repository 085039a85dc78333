using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>
/// FTP0009: AUTH TLS sent on a connection on which USER or PASS already went out in clear text.
/// Reported on the AUTH TLS: that is the point where the forward analysis knows, on every path
/// reaching it, both that the credentials were sent in clear and that the same code then asks for
/// TLS (a USER is not followed by AUTH TLS on every path after it, so it could not be reported soundly).
/// Once: an AUTH TLS sent again on a channel already TLS is not reported a second time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialsBeforeAuthTlsAnalyzer : SequenceRuleAnalyzer
{
    public CredentialsBeforeAuthTlsAnalyzer()
        : base(Descriptors.FTP0009_CredentialsBeforeAuthTls)
    {
    }

    private protected override bool IsViolatedBy(string verb, ConnectionFacts before)
        => verb == FtpVerbs.Auth && before.CertainlyCredentialsInClear && !before.CertainlyTlsOn;

    // More paths can make "TLS already on" uncertain: that part cannot rule a mistake out.
    private protected override bool CouldBeViolatedGiven(string verb, ConnectionFacts fewerPaths)
        => verb == FtpVerbs.Auth && fewerPaths.CertainlyCredentialsInClear;
}
