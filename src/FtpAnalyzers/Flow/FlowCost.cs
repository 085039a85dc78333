namespace FtpAnalyzers.Flow;

/// <summary>The work one flow analysis did: what keeps its cost linear in the member's size is checked on these numbers.</summary>
internal sealed class FlowCost
{
    public int Graphs { get; set; }

    public int Blocks { get; set; }

    public int BlockVisits { get; set; }
}
