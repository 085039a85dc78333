using System.Collections.Immutable;
using FtpAnalyzers.Protocol;

namespace FtpAnalyzers.Flow;

/// <summary>
/// What a helper of the compilation does to the connections it receives (a parameter, the fields and
/// auto-properties of <c>this</c>), for one <see cref="HelperEntry"/>: the commands it sends with
/// what is known before each of them, and what is known of each entry group's connection after it
/// returns. <see cref="Standalone"/> is the same helper entered knowing nothing: a
/// mistake it shows is the helper's own (reported inside it), not one its caller causes.
/// </summary>
internal sealed class HelperSummary
{
    public HelperSummary(string name, ImmutableArray<string?> verbs, ImmutableArray<ConnectionFacts> before, ImmutableArray<ConnectionFacts> exits)
    {
        Name = name;
        Verbs = verbs;
        Before = before;
        Exits = exits;
    }

    /// <summary>The helper's name, as messages show it.</summary>
    public string Name { get; }

    /// <summary>The verbs the helper sends on the connection, in the order of its graph (nested helpers' too).</summary>
    public ImmutableArray<string?> Verbs { get; }

    /// <summary>Per verb: what is known of the connection just before it, on every path of the helper.</summary>
    public ImmutableArray<ConnectionFacts> Before { get; }

    /// <summary>
    /// Per group of the entry: what is known of its connection when the helper returns (escaped
    /// when it keeps or hands it on, or hands <c>this</c> away).
    /// </summary>
    public ImmutableArray<ConnectionFacts> Exits { get; }
}
