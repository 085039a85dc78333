using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace FtpAnalyzers.Flow;

/// <summary>
/// The variables of one graph (locals, parameters, fields and auto-properties as symbols, flow
/// captures as <see cref="CaptureId"/>) and the sites that create connection objects, numbered
/// once before the analysis so that a <see cref="FlowState"/> works on numbers.
/// Connection objects are numbered too: variable <c>v</c>'s initial (unknown) connection is object
/// <c>v</c>; the one created at site <c>s</c> is object <c>Count + s</c>.
/// </summary>
internal sealed class FlowVariables
{
    private readonly Dictionary<object, int> _numbers = new(FlowKeyComparer.Instance);
    private readonly List<Variable> _variables = new();
    private readonly Dictionary<IOperation, int> _connectSites = new();
    private int _siteCount;

    public int Count => _variables.Count;

    /// <summary>The number of <paramref name="variable"/>, given one when first seen.</summary>
    public int Number(object variable)
    {
        if (!_numbers.TryGetValue(variable, out var number))
        {
            number = _variables.Count;
            _numbers.Add(variable, number);
            _variables.Add(new Variable(variable as ISymbol));
        }

        return number;
    }

    /// <summary>A new site: an operation that binds a variable to a connection about which nothing is known.</summary>
    public int NewSite() => _siteCount++;

    /// <summary>The site of a Connect call, the same each time it is asked for (the call, and the variable it is assigned to).</summary>
    public int SiteOfConnect(IOperation invocation)
    {
        if (!_connectSites.TryGetValue(invocation, out var number))
        {
            number = NewSite();
            _connectSites.Add(invocation, number);
        }

        return number;
    }

    /// <summary>The connection object created at <paramref name="site"/> (valid once every variable is numbered).</summary>
    public int ObjectOfSite(int site) => Count + site;

    /// <summary>True for the connection a variable holds before anything is assigned to it.</summary>
    public bool IsInitialObject(int connectionObject) => connectionObject >= 0 && connectionObject < Count;

    /// <summary>True for a symbol (a flow capture is not one): it may be read before the graph binds it.</summary>
    public bool IsSymbol(int variable) => _variables[variable].Symbol is not null;

    public string? NameOf(int variable) => _variables[variable].Symbol?.Name;

    /// <summary>The symbol of a variable; null for a flow capture.</summary>
    public ISymbol? SymbolOf(int variable) => _variables[variable].Symbol;

    public bool IsFieldOrProperty(int variable) => _variables[variable].Symbol is IFieldSymbol or IPropertySymbol;

    public bool IsStatic(int variable) => _variables[variable].Symbol?.IsStatic == true;

    /// <summary>Records that <paramref name="variable"/> lives in <paramref name="region"/>'s blocks, if it is one of this graph's.</summary>
    public void SetScope(object variable, ControlFlowRegion region)
    {
        if (_numbers.TryGetValue(variable, out var number))
        {
            _variables[number].FirstBlock = region.FirstBlockOrdinal;
            _variables[number].LastBlock = region.LastBlockOrdinal;
        }
    }

    /// <summary>
    /// A local or a flow capture lives in the blocks of the region that declares it; outside, its
    /// binding is dropped, so that a block's state stays as small as what is in scope there.
    /// </summary>
    public bool IsInScopeAt(int variable, int blockOrdinal)
    {
        var info = _variables[variable];
        return info.FirstBlock <= blockOrdinal && blockOrdinal <= info.LastBlock;
    }

    private sealed class Variable
    {
        public Variable(ISymbol? symbol) => Symbol = symbol;

        public ISymbol? Symbol { get; }

        public int FirstBlock { get; set; } = int.MinValue;

        public int LastBlock { get; set; } = int.MaxValue;
    }
}
