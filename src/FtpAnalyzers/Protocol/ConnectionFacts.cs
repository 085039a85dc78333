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
    private enum Bits : ushort
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
        User = UserArmed | UserNotArmed,
        Login = LoggedIn | NotLoggedIn,
        Rename = RenameIdle | RenamePending | RenameInterrupted,
        Data = DataArmed | DataNotArmed,
        AnyState = User | Login | Rename | Data,

        // Before the method: a rename may be pending; none was broken by a command this method sent.
        Unknown = User | Login | RenameIdle | RenamePending | Data,
    }

    private readonly Bits _bits;

    private ConnectionFacts(Bits bits) => _bits = bits;

    /// <summary>A connection the method knows nothing about yet (a parameter, a field).</summary>
    public static ConnectionFacts Unknown => new(Bits.Unknown);

    /// <summary>A connection handed to code the analysis does not see: unknown from there on.</summary>
    public static ConnectionFacts Escaped => new(Bits.AnyState | Bits.Escaped);

    /// <summary>A connection just opened: greeted, nobody logged in, nothing armed.</summary>
    public static ConnectionFacts JustConnected => new(Bits.UserNotArmed | Bits.NotLoggedIn | Bits.RenameIdle | Bits.DataNotArmed);

    public bool IsEscaped => (_bits & Bits.Escaped) != 0;

    public bool CertainlyNoUserArmed => Certainly(Bits.UserNotArmed, Bits.User);

    public bool CertainlyNotLoggedIn => Certainly(Bits.NotLoggedIn, Bits.Login);

    /// <summary>No RNFR is pending, and no rename was broken by a command in between (FTP0003 reports that one).</summary>
    public bool CertainlyRenameIdle => Certainly(Bits.RenameIdle, Bits.Rename);

    public bool CertainlyRenamePending => Certainly(Bits.RenamePending, Bits.Rename);

    public bool CertainlyNoDataConnectionArmed => Certainly(Bits.DataNotArmed, Bits.Data);

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

    private ConnectionFacts With(Bits group, Bits value) => new((_bits & ~group) | value);

    public bool Equals(ConnectionFacts other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is ConnectionFacts other && Equals(other);

    public override int GetHashCode() => (int)_bits;

    public override string ToString() => _bits.ToString();
}
