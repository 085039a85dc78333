using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Flow;

/// <summary>
/// The one flow analysis behind the sequence rules: a forward analysis over Roslyn's control-flow
/// graph of what is known about each connection (<see cref="ConnectionFacts"/>) before every FTP
/// command, joined over every path. Then, for each loop, the same facts joined over only the paths
/// that came around the loop's back edge ("from the second iteration on").
/// Lambdas and local functions are analyzed as graphs of their own, starting unknown.
/// Bounded: a graph with too many blocks, or that does not converge within a fixed number of block
/// visits, gives no observations at all. So does a graph with code that does not bind (an invalid
/// operation): while code is being typed, silence rather than guesses.
/// </summary>
internal static partial class ConnectionFlowAnalysis
{
    /// <summary>Graphs larger than this are skipped.</summary>
    public const int MaxBlocks = 10000;

    /// <summary>Average visits per block allowed to reach a fixed point.</summary>
    public const int VisitsPerBlock = 16;

    /// <summary>Lambdas and local functions analyzed per member, at most.</summary>
    public const int MaxNestedGraphs = 256;

    /// <param name="cost">When given, receives the work done (blocks visited, graphs analyzed), to check the cost stays linear.</param>
    public static ImmutableArray<CommandObservation> Analyze(ControlFlowGraph graph, FtpSymbols symbols, CancellationToken cancellationToken, FlowCost? cost = null)
    {
        var observations = ImmutableArray.CreateBuilder<CommandObservation>();
        var pending = new Queue<ControlFlowGraph>();
        pending.Enqueue(graph);
        var compilation = graph.OriginalOperation.SemanticModel?.Compilation;
        for (var analyzed = 0; pending.Count > 0 && analyzed <= MaxNestedGraphs; analyzed++)
        {
            var walker = new GraphWalker(pending.Dequeue(), symbols, cancellationToken, compilation, depth: 0);
            walker.Run(observations);
            foreach (var nested in walker.NestedGraphs)
                pending.Enqueue(nested);
            if (cost is not null)
            {
                cost.Graphs++;
                cost.Blocks += walker.BlockCount;
                cost.BlockVisits += walker.BlockVisits;
            }
        }

        return observations.ToImmutable();
    }

    /// <summary>
    /// The summary of a helper whose graph is <paramref name="graph"/>, entered as
    /// <paramref name="entry"/> says; null when the analysis gives up, or when the helper may leave
    /// a seeded field or auto-property of <c>this</c> holding another connection than it found there
    /// (it assigns it). Lambdas and local functions inside it start unknown whatever the caller
    /// does, so they are left to the helper's own analysis.
    /// </summary>
    public static HelperSummary? Summarize(ControlFlowGraph graph, FtpSymbols symbols, string name, HelperEntry entry, int depth, Compilation compilation, CancellationToken cancellationToken)
    {
        var observations = ImmutableArray.CreateBuilder<CommandObservation>();
        var walker = new GraphWalker(graph, symbols, cancellationToken, compilation, depth) { Seed = entry };
        if (!walker.Run(observations) || walker.SeedExits is not { } exits)
            return null;

        var verbs = ImmutableArray.CreateBuilder<string?>();
        var before = ImmutableArray.CreateBuilder<ConnectionFacts>();
        foreach (var observation in observations)
        {
            verbs.AddRange(observation.Verbs);
            before.AddRange(observation.Before);
        }

        return new HelperSummary(name, verbs.ToImmutable(), before.ToImmutable(), exits);
    }

    /// <summary>
    /// The analysis of one graph. Its rooms are the partial files beside this one: Effects (found once
    /// per graph), Solver, Loops, Regions, ReplyGuards, Transfer, Helpers and Escapes.
    /// </summary>
    private sealed partial class GraphWalker
    {
        private readonly ControlFlowGraph _graph;
        private readonly FtpSymbols _symbols;
        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableArray<BasicBlock> _blocks;
        private readonly int[]?[] _handlersOfBlock;
        private readonly bool[] _blocksWithCommands;
        private readonly BlockWorklist _worklist;
        private readonly FlowVariables _variables = new();
        private readonly HashSet<ControlFlowRegion> _opaqueFinallyRegions = new();
        private CommandObservation?[] _observations = Array.Empty<CommandObservation?>();
        private readonly Dictionary<SyntaxNode, IReadOnlyCollection<string>> _capturedNames = new();
        private readonly Dictionary<int, FlowState> _backEdgeStates = new();
        // Every block's effects in one array: block b's are _effects[_firstEffectOfBlock[b].._firstEffectOfBlock[b + 1]).
        private Effect[] _effects = Array.Empty<Effect>();
        private readonly int[] _firstEffectOfBlock;
        private readonly Dictionary<int, HashSet<int>> _backEdgeSources = new();
        // Per block: the command whose reply its branch condition tests, if any.
        private GuardedCommand?[] _guards = Array.Empty<GuardedCommand?>();

        private int _commandCount;

        // Helpers of the compilation, followed up to HelperSummaries.MaxDepth calls deep; none without a compilation.
        private readonly Compilation? _compilation;
        private readonly int _depth;
        private readonly Dictionary<IInvocationOperation, HelperCall?> _helperCalls = new();

        public GraphWalker(ControlFlowGraph graph, FtpSymbols symbols, CancellationToken cancellationToken, Compilation? compilation, int depth)
        {
            _graph = graph;
            _symbols = symbols;
            _cancellationToken = cancellationToken;
            _compilation = compilation;
            _depth = depth;
            _blocks = graph.Blocks;
            _firstEffectOfBlock = new int[_blocks.Length + 1];
            _handlersOfBlock = new int[]?[_blocks.Length];
            _blocksWithCommands = new bool[_blocks.Length];
            _worklist = new BlockWorklist(_blocks.Length);
        }

        public List<ControlFlowGraph> NestedGraphs { get; } = new();

        /// <summary>When summarizing a helper: the variables holding the caller's connections and what is known of them on entry.</summary>
        public HelperEntry? Seed { get; set; }

        /// <summary>
        /// When summarizing a helper: per group of <see cref="Seed"/>, what is known of its connection
        /// when the helper returns; null when a seeded field may hold another connection by then.
        /// </summary>
        public ImmutableArray<ConnectionFacts>? SeedExits { get; private set; }

        public int BlockCount => _blocks.Length;

        public int BlockVisits { get; private set; }

        /// <summary>Adds the observations of this graph to <paramref name="results"/>; false when the analysis gave up.</summary>
        public bool Run(ImmutableArray<CommandObservation>.Builder results)
        {
            if (_blocks.Length > MaxBlocks || !Prescan())
                return false;

            var entry = FlowState.Entry(_variables);
            int[]? seeded = null;
            if (Seed is { } seed)
            {
                // Each group's connection is the initial object of its first variable; bound now, so
                // that a join does not drop its facts as an object no variable holds.
                seeded = new int[seed.GroupFacts.Length];
                for (var group = 0; group < seeded.Length; group++)
                    seeded[group] = -1;
                foreach (var (symbol, group) in seed.Variables)
                {
                    var variable = _variables.Number(symbol);
                    if (seeded[group] < 0)
                    {
                        seeded[group] = variable;
                        entry.SetFacts(variable, seed.GroupFacts[group]);
                    }

                    entry.Bind(variable, seeded[group]);
                }
            }

            var entryStates = new Dictionary<int, FlowState>(_blocks.Length) { [0] = entry };
            if (!Solve(entryStates, inScope: null, loopHeader: -1, laterIterations: null, _blocks.Length * VisitsPerBlock, out _))
                return false;
            if (seeded is not null)
                SeedExits = ExitsOf(Seed!, seeded, entryStates.TryGetValue(_blocks.Length - 1, out var exit) ? exit : null);

            // Each loop's pass costs about its body's size; together they get the budget of one more pass.
            var loopBudget = _blocks.Length * VisitsPerBlock;
            foreach (var loop in _backEdgeStates)
            {
                if (!AnalyzeLaterIterations(loop.Key, loop.Value, ref loopBudget))
                    break;
            }

            // Commands are numbered in block order, then in evaluation order: the order they are reported in.
            foreach (var observation in _observations)
            {
                if (observation is not null)
                    results.Add(observation);
            }

            return true;
        }

        /// <summary>What <see cref="SeedExits"/> says, from the state at the graph's exit (null when no path reaches it).</summary>
        private ImmutableArray<ConnectionFacts>? ExitsOf(HelperEntry seed, int[] seeded, FlowState? exit)
        {
            var exits = ImmutableArray.CreateBuilder<ConnectionFacts>(seeded.Length);
            for (var group = 0; group < seeded.Length; group++)
                exits.Add(exit?.FactsOf(seeded[group]) ?? ConnectionFacts.Escaped);
            if (exit is null)
                return exits.MoveToImmutable();

            // A field or auto-property of this must still hold the connection the caller put there.
            foreach (var (symbol, group) in seed.Variables)
            {
                if (symbol is IFieldSymbol or IPropertySymbol && exit.ObjectOf(_variables.Number(symbol)) != seeded[group])
                    return null;
            }

            return exits.MoveToImmutable();
        }
    }
}
