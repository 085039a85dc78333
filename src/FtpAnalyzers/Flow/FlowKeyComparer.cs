using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FtpAnalyzers.Flow;

/// <summary>
/// Compares variables when they are numbered (<see cref="FlowVariables"/>): symbols by symbol
/// equality, flow captures (<see cref="Microsoft.CodeAnalysis.FlowAnalysis.CaptureId"/>) by value.
/// </summary>
internal sealed class FlowKeyComparer : IEqualityComparer<object>
{
    public static readonly FlowKeyComparer Instance = new();

    public new bool Equals(object? x, object? y)
        => x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

    public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
}
