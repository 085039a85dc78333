using System.Collections.Immutable;
using FtpAnalyzers.Protocol;

namespace FtpAnalyzers.Flow;

/// <summary>
/// What a helper method of the compilation does to a connection it receives, for one state of that
/// connection on entry: the commands it sends with what is known before each of them, and what is
/// known after it returns. <see cref="Standalone"/> is the same helper entered knowing nothing: a
/// mistake it shows is the helper's own (reported inside it), not one its caller causes.
/// </summary>
internal sealed class HelperSummary
{
    public HelperSummary(string name, ImmutableArray<string?> verbs, ImmutableArray<ConnectionFacts> before, ConnectionFacts exit)
    {
        Name = name;
        Verbs = verbs;
        Before = before;
        Exit = exit;
    }

    /// <summary>The helper's name, as messages show it.</summary>
    public string Name { get; }

    /// <summary>The verbs the helper sends on the connection, in the order of its graph (nested helpers' too).</summary>
    public ImmutableArray<string?> Verbs { get; }

    /// <summary>Per verb: what is known of the connection just before it, on every path of the helper.</summary>
    public ImmutableArray<ConnectionFacts> Before { get; }

    /// <summary>What is known of the connection when the helper returns (escaped when it keeps or hands it on).</summary>
    public ConnectionFacts Exit { get; }
}
