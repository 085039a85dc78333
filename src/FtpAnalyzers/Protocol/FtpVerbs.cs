using System.Collections.Generic;

namespace FtpAnalyzers.Protocol;

/// <summary>
/// What each FTP verb needs and changes, as measured on real servers (/work/shared/ftp-protocol.md):
/// USER arms PASS, PASS consumes it; RNTO must immediately follow RNFR; PASV/EPSV/PORT/EPRT arm one
/// transfer; everything but a few session commands needs a completed login.
/// </summary>
internal static class FtpVerbs
{
    public const string User = "USER";
    public const string Pass = "PASS";
    public const string Rnfr = "RNFR";
    public const string Rnto = "RNTO";
    public const string Quit = "QUIT";

    /// <summary>AUTH TLS (or AUTH SSL, TLS-C, TLS-P: what starts TLS on the control channel). A raw AUTH with another mechanism has no known verb.</summary>
    public const string Auth = "AUTH";
    public const string Pbsz = "PBSZ";

    /// <summary>PROT whose level is not known (a wrapper, a level that is not a constant).</summary>
    public const string Prot = "PROT";

    /// <summary>PROT P: <c>Prot(FtpProtection.Private)</c>, <c>SendCommand("PROT P")</c>.</summary>
    public const string ProtPrivate = "PROT P";

    /// <summary>PROT C (or S, E: anything but P).</summary>
    public const string ProtClear = "PROT C";

    private static readonly HashSet<string> DataConnectionVerbs = new() { "PASV", "EPSV", "PORT", "EPRT", "LPSV", "LPRT" };

    private static readonly HashSet<string> TransferVerbs = new() { "RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD" };

    private static readonly HashSet<string> AllowedBeforeLogin = new()
    {
        "USER", "PASS", "ACCT", "QUIT", "NOOP", "FEAT", "SYST", "HELP", "AUTH", "PBSZ", "PROT", "OPTS", "STAT",
        ProtPrivate, ProtClear,
    };

    /// <summary>
    /// Verbs whose effect on the session is fully described by the facts above. Any other verb
    /// (REIN logs out, ABOR ends a transfer, SITE does anything) leaves the session unknown.
    /// </summary>
    private static readonly HashSet<string> Modelled = new()
    {
        "USER", "PASS", "ACCT", "QUIT", "NOOP", "FEAT", "SYST", "HELP", "PBSZ", "PROT", "OPTS", "STAT",
        "AUTH", ProtPrivate, ProtClear,
        "RNFR", "RNTO", "PASV", "EPSV", "PORT", "EPRT", "LPSV", "LPRT",
        "RETR", "STOR", "STOU", "APPE", "LIST", "NLST", "MLSD",
        "TYPE", "MODE", "STRU", "REST", "ALLO", "CWD", "CDUP", "XCWD", "XCUP", "PWD", "XPWD",
        "MKD", "XMKD", "RMD", "XRMD", "DELE", "SIZE", "MDTM", "MLST",
    };

    public static bool ArmsDataConnection(string verb) => DataConnectionVerbs.Contains(verb);

    public static bool IsTransfer(string verb) => TransferVerbs.Contains(verb);

    /// <summary>PROT, whatever its level.</summary>
    public static bool IsProt(string verb) => verb is Prot or ProtPrivate or ProtClear;

    public static bool NeedsLogin(string verb) => !AllowedBeforeLogin.Contains(verb);

    /// <summary>True for a command sent while a rename is pending that breaks it (everything but RNTO, a new RNFR, and QUIT which ends the session).</summary>
    public static bool InterruptsRename(string verb) => verb != Rnto && verb != Rnfr && verb != Quit;

    /// <summary>
    /// The reply code with which the server accepts what <paramref name="verb"/> sets up (RNFR's
    /// pending rename, USER's armed login, a data connection); null for verbs that set up nothing
    /// the rules follow. A branch that rules this code out is one where the command armed nothing.
    /// </summary>
    public static int? ArmingReplyCode(string verb) => verb switch
    {
        Rnfr => 350,
        User => 331,
        Auth => 234,
        "PASV" => 227,
        "EPSV" => 229,
        "LPSV" => 228,
        "PORT" or "EPRT" or "LPRT" => 200,
        _ => null,
    };

    /// <summary>
    /// The state after <paramref name="verb"/> was refused (its reply was not <see cref="ArmingReplyCode"/>),
    /// from the state its sending left: a refused RNFR leaves no rename pending (RNTO then gets 503
    /// everywhere); after USER answered otherwise the login may be done (230) or not; after a
    /// refused PASV/EPSV/PORT/EPRT whether a data connection is armed depends on what came before.
    /// </summary>
    public static ConnectionFacts AfterRefusal(string verb, ConnectionFacts afterCommand)
    {
        if (afterCommand.IsEscaped)
            return afterCommand;
        if (verb == Rnfr)
            return afterCommand.WithRenameDone();
        if (verb == User)
            return afterCommand.WithUserAndLoginUnknown();
        if (verb == Auth)
            return afterCommand.WithAuthTlsRefused();
        return ArmsDataConnection(verb) ? afterCommand.WithDataConnectionUnknown() : afterCommand;
    }

    /// <summary>The state of a connection after <paramref name="verb"/> (null: a command whose verb is not known).</summary>
    public static ConnectionFacts After(string? verb, ConnectionFacts before)
    {
        if (before.IsEscaped)
            return before;
        if (verb is null || !Modelled.Contains(verb))
            return ConnectionFacts.Unknown;

        var after = before;
        if (InterruptsRename(verb))
            after = after.WithRenameInterrupted();

        switch (verb)
        {
            case User:
                // USER may complete a login by itself (230).
                after = after.WithCredentialsSent().WithUserArmed(true).WithLoginAfterUser().WithLoginCompleted(certainlyCompleted: false);
                break;
            case Pass:
                // Replies are not modelled: after PASS the session is taken as logged in, so that
                // one mistake is reported once, not again on every later command.
                after = after.WithCredentialsSent().WithUserArmed(false).WithLoggedIn().WithLoginCompleted(certainlyCompleted: true);
                break;
            case "ACCT":
                after = after.WithLoginCompleted(certainlyCompleted: false);
                break;
            case Auth:
                after = after.WithAuthTls();
                break;
            case Pbsz:
                after = after.WithPbsz();
                break;
            case Prot:
                after = after.WithProtUnknown();
                break;
            case ProtPrivate:
                after = after.WithProtPrivate();
                break;
            case ProtClear:
                after = after.WithProtClear();
                break;
            case Rnfr:
                after = after.WithRenamePending();
                break;
            case Rnto:
                after = after.WithRenameDone();
                break;
        }

        if (ArmsDataConnection(verb))
            after = after.WithDataConnectionArmed(true);
        else if (IsTransfer(verb))
            after = after.WithDataConnectionArmed(false);
        return after;
    }
}
