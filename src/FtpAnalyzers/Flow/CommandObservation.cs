using System.Collections.Generic;
using System.Collections.Immutable;
using FtpAnalyzers.Protocol;

namespace FtpAnalyzers.Flow;

/// <summary>
/// One FTP command call and what is known about its connection just before each of its verbs:
/// on every path reaching it, and on every path coming around each enclosing loop's back edge.
/// </summary>
internal sealed class CommandObservation
{
    private readonly List<ConnectionFacts[]> _onLaterIterations = new();

    public CommandObservation(FtpCommandCall call, int blockOrdinal, HelperSummary? helper = null)
    {
        Call = call;
        BlockOrdinal = blockOrdinal;
        Before = NewUnreached(call.Verbs.Length);
        Helper = helper;
    }

    /// <summary>
    /// For a call of a helper that receives the connection: the helper's summary entered knowing
    /// nothing. A verb that is wrong there too is the helper's own mistake, reported inside it;
    /// only what the caller's state makes wrong is reported on the call.
    /// </summary>
    public HelperSummary? Helper { get; }

    public FtpCommandCall Call { get; }

    public int BlockOrdinal { get; }

    /// <summary>Per verb: the facts joined over every path reaching it.</summary>
    public ConnectionFacts[] Before { get; }

    /// <summary>Per enclosing loop, per verb: the facts joined over the paths that came around that loop's back edge.</summary>
    public IReadOnlyList<ConnectionFacts[]> BeforeOnLaterIterations => _onLaterIterations;

    public ImmutableArray<string?> Verbs => Call.Verbs;

    internal void AddLaterIterations(ConnectionFacts[] facts) => _onLaterIterations.Add(facts);

    /// <summary>Facts for a point no path reaches: escaped, so that no rule speaks there.</summary>
    internal static ConnectionFacts[] NewUnreached(int length)
    {
        var facts = new ConnectionFacts[length];
        for (var i = 0; i < length; i++)
            facts[i] = ConnectionFacts.Escaped;
        return facts;
    }
}
