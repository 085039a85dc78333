using System;
using System.Collections.Immutable;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;

namespace FtpAnalyzers.Flow;

/// <summary>
/// How a helper is entered: which of its variables hold the caller's connections (its connection
/// parameter, the connection fields and auto-properties of <c>this</c> the caller tracks), grouped
/// by the connection object they hold (two variables of one group are aliases), and what is known
/// of each group's connection. <see cref="None"/> is the helper entered knowing nothing.
/// Compared by value: it is part of the key of <see cref="HelperSummaries"/>' cache.
/// </summary>
internal sealed class HelperEntry : IEquatable<HelperEntry>
{
    public static readonly HelperEntry None = new(ImmutableArray<(ISymbol, int)>.Empty, ImmutableArray<ConnectionFacts>.Empty);

    public HelperEntry(ImmutableArray<(ISymbol Variable, int Group)> variables, ImmutableArray<ConnectionFacts> groupFacts)
    {
        Variables = variables;
        GroupFacts = groupFacts;
    }

    /// <summary>Each seeded variable (a parameter, or a field or auto-property of <c>this</c>) and the group of its connection.</summary>
    public ImmutableArray<(ISymbol Variable, int Group)> Variables { get; }

    /// <summary>Per group: what is known of its connection when the helper is entered.</summary>
    public ImmutableArray<ConnectionFacts> GroupFacts { get; }

    public bool Equals(HelperEntry? other)
    {
        if (other is null || other.Variables.Length != Variables.Length || other.GroupFacts.Length != GroupFacts.Length)
            return false;
        for (var i = 0; i < Variables.Length; i++)
        {
            if (Variables[i].Group != other.Variables[i].Group
                || !SymbolEqualityComparer.Default.Equals(Variables[i].Variable, other.Variables[i].Variable))
                return false;
        }

        for (var i = 0; i < GroupFacts.Length; i++)
        {
            if (!GroupFacts[i].Equals(other.GroupFacts[i]))
                return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as HelperEntry);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var (variable, group) in Variables)
            hash = (hash * 31) + SymbolEqualityComparer.Default.GetHashCode(variable) + group;
        foreach (var facts in GroupFacts)
            hash = (hash * 31) + facts.GetHashCode();
        return hash;
    }
}
