using System;

namespace FtpAnalyzers.Protocol;

/// <summary>
/// What may be true of one connection at one point of a method: for each fact, whether it may be
/// true and whether it may be false (both: unknown). Joining two states unions the possibilities,
/// so a fact is certain only when every path agrees. An escaped connection is unknown for good.
/// </summary>
internal readonly struct ConnectionFacts : IEquatable<ConnectionFacts>
{
    [Flags]
    private enum Bits : uint
    {
        None = 0,
        UserArmed = 1 << 0,
        UserNotArmed = 1 << 1,
        LoggedIn = 1 << 2,
        NotLoggedIn = 1 << 3,
        RenameIdle = 1 << 4,
        RenamePending = 1 << 5,
        RenameInterrupted = 1 << 6,
        DataArmed = 1 << 7,
        DataNotArmed = 1 << 8,
        Escaped = 1 << 9,

        // FTPS (RFC 2228, RFC 4217): whether the control channel is TLS, PBSZ and PROT P were
        // accepted, a USER or PASS went out in clear text, and the client itself will send
        // PBSZ 0 and PROT P once a login completes (FtpConnectionOptions.Encryption Explicit/Implicit).
        TlsOn = 1 << 10,
        TlsOff = 1 << 11,
        PbszDone = 1 << 12,
        PbszNotDone = 1 << 13,
        ProtPrivate = 1 << 14,
        ProtNotPrivate = 1 << 15,
        CredentialsInClear = 1 << 16,
        CredentialsNotInClear = 1 << 17,
        AutoProtectPending = 1 << 18,
        AutoProtectNotPending = 1 << 19,

        // What the control channel was before the last AUTH TLS: where a refusal of it leaves it.
        TlsOnBeforeAuth = 1 << 20,
        TlsOffBeforeAuth = 1 << 21,

        User = UserArmed | UserNotArmed,
        Login = LoggedIn | NotLoggedIn,
        Rename = RenameIdle | RenamePending | RenameInterrupted,
        Data = DataArmed | DataNotArmed,
        Tls = TlsOn | TlsOff,
        Pbsz = PbszDone | PbszNotDone,
        Prot = ProtPrivate | ProtNotPrivate,
        Credentials = CredentialsInClear | CredentialsNotInClear,
        AutoProtect = AutoProtectPending | AutoProtectNotPending,
        TlsBeforeAuth = TlsOnBeforeAuth | TlsOffBeforeAuth,
        Security = Tls | Pbsz | Prot | Credentials | AutoProtect | TlsBeforeAuth,
        AnyState = User | Login | Rename | Data | Security,

        // Before the method: a rename may be pending; none was broken by a command this method sent.
        Unknown = User | Login | RenameIdle | RenamePending | Data | Security,

        // A connection just opened: nothing of the security state set up yet but what Encryption does.
        Greeted = UserNotArmed | NotLoggedIn | RenameIdle | DataNotArmed | PbszNotDone | ProtNotPrivate | CredentialsNotInClear | TlsBeforeAuth,
    }

    private readonly Bits _bits;

    private ConnectionFacts(Bits bits) => _bits = bits;

    /// <summary>A connection the method knows nothing about yet (a parameter, a field).</summary>
    public static ConnectionFacts Unknown => new(Bits.Unknown);

    /// <summary>A connection handed to code the analysis does not see: unknown from there on.</summary>
    public static ConnectionFacts Escaped => new(Bits.AnyState | Bits.Escaped);

    /// <summary>A connection just opened in clear text: greeted, nobody logged in, nothing armed.</summary>
    public static ConnectionFacts JustConnected => new(Bits.Greeted | Bits.TlsOff | Bits.AutoProtectNotPending);

    /// <summary>
    /// A connection just opened with FtpConnectionOptions.Encryption Explicit or Implicit: the
    /// control channel is TLS (a refused AUTH TLS fails the connect), and the client sends PBSZ 0
    /// and PROT P itself once a login completes.
    /// </summary>
    public static ConnectionFacts JustConnectedOverTls => new(Bits.Greeted | Bits.TlsOn | Bits.AutoProtectPending);

    /// <summary>A connection just opened with an Encryption the analysis cannot see: either of the two above.</summary>
    public static ConnectionFacts JustConnectedWithUnknownEncryption => JustConnected.Join(JustConnectedOverTls);

    public bool IsEscaped => (_bits & Bits.Escaped) != 0;

    public bool CertainlyNoUserArmed => Certainly(Bits.UserNotArmed, Bits.User);

    public bool CertainlyNotLoggedIn => Certainly(Bits.NotLoggedIn, Bits.Login);

    /// <summary>No RNFR is pending, and no rename was broken by a command in between (FTP0003 reports that one).</summary>
    public bool CertainlyRenameIdle => Certainly(Bits.RenameIdle, Bits.Rename);

    public bool CertainlyRenamePending => Certainly(Bits.RenamePending, Bits.Rename);

    public bool CertainlyNoDataConnectionArmed => Certainly(Bits.DataNotArmed, Bits.Data);

    /// <summary>The control channel is certainly in clear text: no accepted AUTH TLS, no implicit TLS.</summary>
    public bool CertainlyTlsOff => Certainly(Bits.TlsOff, Bits.Tls);

    /// <summary>The control channel is certainly TLS (AUTH TLS sent, or Encryption Explicit/Implicit).</summary>
    public bool CertainlyTlsOn => Certainly(Bits.TlsOn, Bits.Tls);

    /// <summary>No PBSZ was accepted on this connection (none sent on a TLS control channel).</summary>
    public bool CertainlyNoPbsz => Certainly(Bits.PbszNotDone, Bits.Pbsz);

    /// <summary>No PROT P was accepted since the control channel became TLS (or a PROT C came after it).</summary>
    public bool CertainlyNotProtPrivate => Certainly(Bits.ProtNotPrivate, Bits.Prot);

    /// <summary>A USER or PASS was certainly sent on this connection while its control channel was in clear text.</summary>
    public bool CertainlyCredentialsInClear => Certainly(Bits.CredentialsInClear, Bits.Credentials);

    private bool Certainly(Bits value, Bits group) => !IsEscaped && (_bits & group) == value;

    public ConnectionFacts Join(ConnectionFacts other) => new(_bits | other._bits);

    public ConnectionFacts WithUserArmed(bool armed) => With(Bits.User, armed ? Bits.UserArmed : Bits.UserNotArmed);

    public ConnectionFacts WithLoggedIn() => With(Bits.Login, Bits.LoggedIn);

    /// <summary>USER on a session that may be logged in: whether it still is depends on the server.</summary>
    public ConnectionFacts WithLoginAfterUser() => (_bits & Bits.LoggedIn) != 0 ? With(Bits.Login, Bits.Login) : this;

    public ConnectionFacts WithRenamePending() => With(Bits.Rename, Bits.RenamePending);

    public ConnectionFacts WithRenameDone() => With(Bits.Rename, Bits.RenameIdle);

    /// <summary>
    /// Another command after RNFR: a rename that was certainly pending is now certainly broken (the
    /// command in between is the mistake); one that only may have been pending is simply no longer
    /// pending. Either way the next RNTO does not immediately follow an RNFR.
    /// </summary>
    public ConnectionFacts WithRenameInterrupted()
    {
        if ((_bits & Bits.RenamePending) == 0)
            return this;
        return CertainlyRenamePending
            ? With(Bits.Rename, Bits.RenameInterrupted)
            : new((_bits & ~Bits.RenamePending) | Bits.RenameIdle);
    }

    public ConnectionFacts WithDataConnectionArmed(bool armed) => With(Bits.Data, armed ? Bits.DataArmed : Bits.DataNotArmed);

    /// <summary>USER answered other than 331: it may have logged in (230) or been refused; nothing is certain of either.</summary>
    public ConnectionFacts WithUserAndLoginUnknown() => With(Bits.User | Bits.Login, Bits.User | Bits.Login);

    /// <summary>PASV, EPSV, PORT or EPRT refused: whether an earlier one still stands depends on the server.</summary>
    public ConnectionFacts WithDataConnectionUnknown() => With(Bits.Data, Bits.Data);

    /// <summary>
    /// AUTH TLS sent: the control channel is TLS from here (what it was before is kept for
    /// <see cref="WithAuthTlsRefused"/>). PBSZ and PROT are not reset: sent before, they were refused.
    /// </summary>
    public ConnectionFacts WithAuthTls()
    {
        var before = Bits.None;
        if ((_bits & Bits.TlsOn) != 0)
            before |= Bits.TlsOnBeforeAuth;
        if ((_bits & Bits.TlsOff) != 0)
            before |= Bits.TlsOffBeforeAuth;
        return new((_bits & ~(Bits.Tls | Bits.TlsBeforeAuth)) | Bits.TlsOn | before);
    }

    /// <summary>AUTH TLS answered other than 234: the control channel is what it was before it.</summary>
    public ConnectionFacts WithAuthTlsRefused()
    {
        var tls = Bits.None;
        if ((_bits & Bits.TlsOnBeforeAuth) != 0)
            tls |= Bits.TlsOn;
        if ((_bits & Bits.TlsOffBeforeAuth) != 0)
            tls |= Bits.TlsOff;
        return tls == Bits.None ? With(Bits.Tls, Bits.Tls) : With(Bits.Tls, tls);
    }

    /// <summary>PBSZ: accepted on a TLS control channel, refused (503, 550 on ProFTPD) on a clear one.</summary>
    public ConnectionFacts WithPbsz() => SetIfTls(Bits.PbszDone, Bits.PbszNotDone);

    /// <summary>PROT P: the next data connections are TLS when the control channel is (refused otherwise).</summary>
    public ConnectionFacts WithProtPrivate() => SetIfTls(Bits.ProtPrivate, Bits.ProtNotPrivate);

    /// <summary>PROT C: data connections in clear text again when the control channel is TLS.</summary>
    public ConnectionFacts WithProtClear() => SetIfTls(Bits.ProtNotPrivate, Bits.ProtPrivate);

    /// <summary>A PROT whose level is not known.</summary>
    public ConnectionFacts WithProtUnknown() => With(Bits.Prot, Bits.Prot);

    /// <summary>USER or PASS: on a clear control channel, the credentials go out in clear text.</summary>
    public ConnectionFacts WithCredentialsSent()
    {
        // Per path: in clear after = in clear before, or the channel is clear.
        var bits = _bits;
        if ((bits & Bits.TlsOff) != 0)
            bits |= Bits.CredentialsInClear;
        if ((bits & Bits.TlsOn) == 0)
            bits &= ~Bits.CredentialsNotInClear;
        return new(bits);
    }

    /// <summary>
    /// A login completed (PASS, taken as accepted): under Encryption Explicit/Implicit the client
    /// now sends PBSZ 0 and PROT P itself (a refusal throws). <paramref name="certainlyCompleted"/>
    /// false: a USER or ACCT that may have completed it (230) or not.
    /// </summary>
    public ConnectionFacts WithLoginCompleted(bool certainlyCompleted)
    {
        if ((_bits & Bits.AutoProtectPending) == 0)
            return this;
        var bits = _bits | Bits.PbszDone | Bits.ProtPrivate;
        if (certainlyCompleted)
        {
            if ((_bits & Bits.AutoProtectNotPending) == 0)
                bits &= ~(Bits.PbszNotDone | Bits.ProtNotPrivate);
            bits = (bits & ~Bits.AutoProtect) | Bits.AutoProtectNotPending;
        }
        else
        {
            bits |= Bits.AutoProtectNotPending;
        }

        return new(bits);
    }

    /// <summary>
    /// Per path: the fact becomes true where the control channel is TLS and stays as it was where
    /// it is clear (the server refused the command).
    /// </summary>
    private ConnectionFacts SetIfTls(Bits setBit, Bits clearedBit)
    {
        var bits = _bits;
        if ((bits & Bits.TlsOn) != 0)
            bits |= setBit;
        if ((bits & Bits.TlsOff) == 0)
            bits &= ~clearedBit;
        return new(bits);
    }

    private ConnectionFacts With(Bits group, Bits value) => new((_bits & ~group) | value);

    public bool Equals(ConnectionFacts other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is ConnectionFacts other && Equals(other);

    public override int GetHashCode() => (int)_bits;

    public override string ToString() => _bits.ToString();
}
