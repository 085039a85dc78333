using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace FtpAnalyzers.Flow;

/// <summary>
/// Compares the keys of a flow state: variables (locals, parameters, fields, auto-properties as
/// symbols; flow captures as <see cref="Microsoft.CodeAnalysis.FlowAnalysis.CaptureId"/>) and the
/// connection objects they hold (allocation sites, initial values, the escaped object).
/// </summary>
internal sealed class FlowKeyComparer : IEqualityComparer<object>
{
    public static readonly FlowKeyComparer Instance = new();

    public new bool Equals(object? x, object? y)
        => x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

    public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
}

/// <summary>The connection a variable holds when the method starts (or when it is first seen): unknown.</summary>
internal sealed class InitialObject
{
    public InitialObject(object variable) => Variable = variable;

    public object Variable { get; }

    public override bool Equals(object? obj) => obj is InitialObject other && FlowKeyComparer.Instance.Equals(Variable, other.Variable);

    public override int GetHashCode() => FlowKeyComparer.Instance.GetHashCode(Variable) ^ 0x5bd1e995;
}

/// <summary>What a variable holds once its connection escaped or its binding is ambiguous: unknown for good.</summary>
internal sealed class EscapedObject
{
    public static readonly EscapedObject Instance = new();

    private EscapedObject()
    {
    }
}
