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
internal static class ConnectionFlowAnalysis
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
    /// The summary of a helper whose graph is <paramref name="graph"/>, entered with
    /// <paramref name="parameter"/>'s connection in state <paramref name="entry"/>; null when the
    /// analysis gives up. Lambdas and local functions inside it start unknown whatever the caller
    /// does, so they are left to the helper's own analysis.
    /// </summary>
    public static HelperSummary? Summarize(ControlFlowGraph graph, FtpSymbols symbols, string name, IParameterSymbol parameter, ConnectionFacts entry, int depth, Compilation compilation, CancellationToken cancellationToken)
    {
        var observations = ImmutableArray.CreateBuilder<CommandObservation>();
        var walker = new GraphWalker(graph, symbols, cancellationToken, compilation, depth) { Seed = (parameter, entry) };
        if (!walker.Run(observations) || walker.SeedExit is not { } exit)
            return null;

        var verbs = ImmutableArray.CreateBuilder<string?>();
        var before = ImmutableArray.CreateBuilder<ConnectionFacts>();
        foreach (var observation in observations)
        {
            verbs.AddRange(observation.Verbs);
            before.AddRange(observation.Before);
        }

        return new HelperSummary(name, verbs.ToImmutable(), before.ToImmutable(), exit);
    }

    private sealed class GraphWalker
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

        // Set during a loop's pass: where the observations of that pass go.
        private Dictionary<int, ConnectionFacts[]>? _laterIterations;
        private int _currentBlock;
        private int _commandCount;

        // While a block inside a try is visited: the join of every state seen in it so far.
        private FlowState? _exceptionalState;

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

        /// <summary>When summarizing a helper: its connection parameter and what is known of it on entry.</summary>
        public (IParameterSymbol Parameter, ConnectionFacts Facts)? Seed { get; set; }

        /// <summary>When summarizing a helper: what is known of the connection it received when it returns.</summary>
        public ConnectionFacts? SeedExit { get; private set; }

        public int BlockCount => _blocks.Length;

        public int BlockVisits { get; private set; }

        /// <summary>Adds the observations of this graph to <paramref name="results"/>; false when the analysis gave up.</summary>
        public bool Run(ImmutableArray<CommandObservation>.Builder results)
        {
            if (_blocks.Length > MaxBlocks || !Prescan())
                return false;

            var entry = FlowState.Entry(_variables);
            var seeded = -1;
            if (Seed is { } seed)
            {
                // A parameter's initial object is numbered as the parameter itself; bound now, so
                // that a join does not drop its facts as an object no variable holds.
                seeded = _variables.Number(seed.Parameter);
                entry.Bind(seeded, seeded);
                entry.SetFacts(seeded, seed.Facts);
            }

            var entryStates = new Dictionary<int, FlowState>(_blocks.Length) { [0] = entry };
            if (!Solve(entryStates, inScope: null, loopHeader: -1, _blocks.Length * VisitsPerBlock, out _))
                return false;
            if (seeded >= 0)
                SeedExit = entryStates.TryGetValue(_blocks.Length - 1, out var exit) ? exit.FactsOf(seeded) : ConnectionFacts.Escaped;

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

        /// <summary>Facts on the paths that came around the back edges into <paramref name="header"/>, inside that loop.</summary>
        private bool AnalyzeLaterIterations(int header, FlowState backEdgeState, ref int budget)
        {
            var body = LoopBody(header, _backEdgeSources[header]);
            if (body is null || !body.Any(ordinal => _blocksWithCommands[ordinal]))
                return true;

            var entryStates = new Dictionary<int, FlowState>(body.Count) { [header] = backEdgeState };
            _laterIterations = new Dictionary<int, ConnectionFacts[]>();
            var solved = Solve(entryStates, body, header, budget, out var visits);
            budget -= Math.Max(body.Count, visits);
            if (solved)
            {
                foreach (var observed in _laterIterations)
                    _observations[observed.Key]!.AddLaterIterations(observed.Value);
            }

            _laterIterations = null;
            return solved && budget > 0;
        }

        /// <summary>
        /// The natural loop of a back edge: the header and the blocks that reach one of its back
        /// edges without going through the header again. Structured loops are laid out after their
        /// header, so the search never goes below it and costs the loop's size. A loop entered
        /// other than through its header (goto into its middle) gives null: no such pass, since
        /// some paths into its blocks would be missed.
        /// </summary>
        private HashSet<int>? LoopBody(int header, HashSet<int> backEdgeSources)
        {
            var body = new HashSet<int> { header };
            var stack = new Stack<int>();
            foreach (var source in backEdgeSources)
            {
                if (body.Add(source))
                    stack.Push(source);
            }

            while (stack.Count > 0)
            {
                foreach (var predecessor in _blocks[stack.Pop()].Predecessors)
                {
                    var ordinal = predecessor.Source.Ordinal;
                    if (ordinal < header)
                        return null;
                    if (body.Add(ordinal))
                        stack.Push(ordinal);
                }
            }

            return body;
        }

        /// <summary>
        /// Runs the analysis to a fixed point from <paramref name="entryStates"/>, within
        /// <paramref name="inScope"/> (all blocks when null) and without re-entering
        /// <paramref name="loopHeader"/>. False when <paramref name="budget"/> block visits were not enough.
        /// </summary>
        private bool Solve(Dictionary<int, FlowState> entryStates, HashSet<int>? inScope, int loopHeader, int budget, out int visits)
        {
            var worklist = _worklist;
            worklist.Clear();
            foreach (var entry in entryStates.Keys)
                worklist.Add(entry);
            visits = 0;
            while (worklist.Count > 0)
            {
                if (++visits > budget)
                    return false;
                _cancellationToken.ThrowIfCancellationRequested();

                var ordinal = worklist.RemoveMin();
                BlockVisits++;
                var block = _blocks[ordinal];
                // Entry states are never changed once stored (joins make new ones): a block that changes
                // nothing works on its entry state itself, and a handler starts from it.
                var entry = entryStates[ordinal];
                var changesState = _firstEffectOfBlock[ordinal] < _firstEffectOfBlock[ordinal + 1];
                var state = changesState ? entry.Clone() : entry;
                _currentBlock = ordinal;
                var handlers = HandlersOf(block);
                _exceptionalState = handlers.Length == 0 ? null : entry;
                for (var index = _firstEffectOfBlock[ordinal]; index < _firstEffectOfBlock[ordinal + 1]; index++)
                {
                    var version = state.Version;
                    Apply(in _effects[index], state);
                    if (_exceptionalState is not null && state.Version != version)
                        _exceptionalState = _exceptionalState.Join(state);
                }

                // An exception may come at any point of the block: its handlers start from any state seen in it.
                foreach (var handler in handlers)
                    Merge(handler, _exceptionalState!, entryStates, worklist, inScope);
                _exceptionalState = null;

                Propagate(block, block.FallThroughSuccessor, state, entryStates, worklist, inScope, loopHeader);
                Propagate(block, block.ConditionalSuccessor, state, entryStates, worklist, inScope, loopHeader);
            }

            return true;
        }

        private void Propagate(BasicBlock source, ControlFlowBranch? branch, FlowState state, Dictionary<int, FlowState> entryStates, BlockWorklist worklist, HashSet<int>? inScope, int loopHeader)
        {
            if (branch?.Destination is not { } destination)
                return;

            var target = destination.Ordinal;
            var finallyRegions = branch.FinallyRegions;
            var outgoing = WithRefusalOn(source, branch, state);
            foreach (var finallyRegion in finallyRegions)
            {
                if (_opaqueFinallyRegions.Contains(finallyRegion))
                    outgoing = FlowState.AllEscaped(_variables);
            }

            if (inScope is null)
            {
                if (target <= source.Ordinal)
                {
                    var scoped = outgoing.WithoutVariablesOutOfScopeAt(target);
                    _backEdgeStates[target] = _backEdgeStates.TryGetValue(target, out var backEdgeState) ? backEdgeState.Join(scoped) : scoped.Normalized();
                    if (!_backEdgeSources.TryGetValue(target, out var sources))
                        _backEdgeSources[target] = sources = new HashSet<int>();
                    sources.Add(source.Ordinal);
                }
            }
            else if (target == loopHeader || !inScope.Contains(target))
            {
                return;
            }

            // Finally blocks run on the way: they start from the state the branch leaves with.
            foreach (var finallyRegion in finallyRegions)
                Merge(finallyRegion.FirstBlockOrdinal, state, entryStates, worklist, inScope);

            Merge(target, outgoing, entryStates, worklist, inScope);
        }

        /// <summary>
        /// <paramref name="state"/> as it is on <paramref name="branch"/>: where the branch condition
        /// rules out the reply that arms the command it tests, that command armed nothing.
        /// </summary>
        private FlowState WithRefusalOn(BasicBlock source, ControlFlowBranch branch, FlowState state)
        {
            if (_guards[source.Ordinal] is not { } guarded)
                return state;
            var conditionValue = (branch == source.ConditionalSuccessor) == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
            if (!guarded.Guard.Excludes(guarded.ArmingCode, conditionValue)
                || ObjectOf(_effects[guarded.CommandEffect].Source, state) is not { } connectionObject
                || connectionObject == FlowState.EscapedObject)
                return state;
            var refined = state.Clone();
            refined.SetFacts(connectionObject, FtpVerbs.AfterRefusal(guarded.Verb, state.FactsOf(connectionObject)));
            return refined;
        }

        private GuardedCommand?[] FindGuards()
        {
            var guards = new GuardedCommand?[_blocks.Length];
            foreach (var block in _blocks)
            {
                if (block.ConditionKind != ControlFlowConditionKind.None && block.BranchValue is { } condition && ReplyGuard.Of(condition) is { } guard)
                    guards[block.Ordinal] = GuardedCommandOf(block, guard);
            }

            return guards;
        }

        /// <summary>
        /// The command whose reply <paramref name="guard"/> tests: the call in the condition itself, or
        /// the one whose reply (or its code) a local or a capture took before it, in this block or the
        /// blocks leading straight to it. Only when nothing that may change a connection happens
        /// between the command and the test: otherwise the test says nothing about the state now.
        /// </summary>
        private GuardedCommand? GuardedCommandOf(BasicBlock branchBlock, ReplyGuard guard)
        {
            const int MaxBlocksBack = 32;
            var target = guard.Reply;
            var block = branchBlock;
            var roots = OperationsOf(block).ToArray();
            var index = roots.Length - 1;
            for (var steps = 0; steps < MaxBlocksBack;)
            {
                if (index < 0)
                {
                    // Not in this block: only a block with a single way in, laid out before it, is followed.
                    if (block.Predecessors.Length != 1 || block.Predecessors[0].Source.Ordinal >= block.Ordinal)
                        return null;
                    block = block.Predecessors[0].Source;
                    roots = OperationsOf(block).ToArray();
                    index = roots.Length - 1;
                    steps++;
                    continue;
                }

                var root = roots[index];
                switch (target)
                {
                    case IInvocationOperation invocation when IsWithin(invocation, root):
                        return GuardedCommandAt(invocation, block, branchBlock, guard);
                    case IFlowCaptureReferenceOperation reference when root is IFlowCaptureOperation capture && capture.Id.Equals(reference.Id):
                        target = ReplyOf(capture.Value);
                        continue;     // the value is inside this same root
                    case ILocalReferenceOperation reference when root is ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned } assignment
                                                                 && SymbolEqualityComparer.Default.Equals(assigned.Local, reference.Local):
                        target = ReplyOf(assignment.Value);
                        continue;
                }

                index--;
            }

            return null;
        }

        /// <summary>The command <paramref name="invocation"/> sends in <paramref name="block"/>, when nothing after it up to the end of <paramref name="branchBlock"/> may change a connection.</summary>
        private GuardedCommand? GuardedCommandAt(IInvocationOperation invocation, BasicBlock block, BasicBlock branchBlock, ReplyGuard guard)
        {
            var command = -1;
            for (var index = _firstEffectOfBlock[block.Ordinal]; index < _firstEffectOfBlock[block.Ordinal + 1]; index++)
            {
                if (_effects[index].Kind == EffectKind.Command && _effects[index].Operation == invocation)
                    command = index;
            }

            if (command < 0 || _effects[command].Call is not { Verbs: { Length: 1 } verbs } || verbs[0] is not { } verb
                || FtpVerbs.ArmingReplyCode(verb) is not { } armingCode)
                return null;

            // The blocks from the command's to the branch's are a chain of single predecessors: their effects are contiguous in between.
            var connectionVariable = _effects[command].Source.Variable;
            for (var index = command + 1; index < _firstEffectOfBlock[branchBlock.Ordinal + 1]; index++)
            {
                var effect = _effects[index];
                if (effect.Kind is not (EffectKind.Capture or EffectKind.Assignment) || (connectionVariable >= 0 && effect.Variable == connectionVariable))
                    return null;
            }

            return new GuardedCommand(command, verb, armingCode, guard);
        }

        /// <summary>What a value holding a reply or its code was taken from: <c>x.Code</c> gives <c>x</c>.</summary>
        private static IOperation ReplyOf(IOperation value)
        {
            value = ReplyGuard.Unwrap(value);
            return value is IPropertyReferenceOperation { Property.Name: "Code", Instance: { } reply } ? ReplyGuard.Unwrap(reply) : value;
        }

        private static bool IsWithin(IOperation operation, IOperation root)
        {
            for (var current = operation; current is not null; current = current.Parent)
            {
                if (current == root)
                    return true;
            }

            return false;
        }

        private void Merge(int target, FlowState incoming, Dictionary<int, FlowState> entryStates, BlockWorklist worklist, HashSet<int>? inScope)
        {
            if ((uint)target >= (uint)_blocks.Length || (inScope is not null && !inScope.Contains(target)))
                return;
            incoming = incoming.WithoutVariablesOutOfScopeAt(target);
            var known = entryStates.TryGetValue(target, out var previous);
            var merged = known ? previous!.Join(incoming) : incoming.Normalized();
            if (!known || !merged.SameAs(previous!))
            {
                entryStates[target] = merged;
                worklist.Add(target);
            }
        }

        /// <summary>The first blocks of the catch, filter and finally handlers an exception in <paramref name="block"/> may reach.</summary>
        private int[] HandlersOf(BasicBlock block)
        {
            if (_handlersOfBlock[block.Ordinal] is { } known)
                return known;

            var handlers = new List<int>();
            // Stop at this graph's root: a lambda's regions lead on into the graph around it.
            for (var region = block.EnclosingRegion; region != _graph.Root && region?.EnclosingRegion is { } parent; region = parent)
            {
                if (region.Kind != ControlFlowRegionKind.Try)
                    continue;
                foreach (var sibling in parent.NestedRegions)
                {
                    if (sibling == region)
                        continue;
                    if (sibling.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Finally)
                        handlers.Add(sibling.FirstBlockOrdinal);
                    else if (sibling.Kind == ControlFlowRegionKind.FilterAndHandler)
                        handlers.AddRange(sibling.NestedRegions.Select(r => r.FirstBlockOrdinal));
                }
            }

            return _handlersOfBlock[block.Ordinal] = handlers.Count == 0 ? Array.Empty<int>() : handlers.ToArray();
        }

        /// <summary>
        /// Finds each block's effects, opaque finally blocks and nested graphs; false when the graph
        /// has code that does not bind.
        /// </summary>
        private bool Prescan()
        {
            // Taken from the thread while in use: finding a helper's summary prescans another graph on this thread.
            var pending = t_pending ?? new Stack<(IOperation Operation, bool ChildrenDone)>();
            var effects = t_effects ?? new List<Effect>();
            t_pending = null;
            t_effects = null;
            try
            {
                return Prescan(pending, effects);
            }
            finally
            {
                pending.Clear();
                effects.Clear();
                t_pending = pending;
                t_effects = effects;
            }
        }

        private bool Prescan(Stack<(IOperation Operation, bool ChildrenDone)> pending, List<Effect> effects)
        {
            foreach (var block in _blocks)
            {
                _firstEffectOfBlock[block.Ordinal] = effects.Count;
                foreach (var root in OperationsOf(block))
                {
                    // Children first: the order the operations are evaluated in.
                    pending.Push((root, false));
                    while (pending.Count > 0)
                    {
                        var (operation, childrenDone) = pending.Pop();
                        if (childrenDone)
                        {
                            if (EffectOf(operation) is { } effect)
                                effects.Add(effect);
                            continue;
                        }

                        if (operation is IInvalidOperation)
                        {
                            pending.Clear();
                            effects.Clear();
                            return false;
                        }
                        pending.Push((operation, true));
                        if (operation is IFlowAnonymousFunctionOperation anonymous)
                        {
                            NestedGraphs.Add(_graph.GetAnonymousFunctionControlFlowGraph(anonymous, _cancellationToken));
                            continue;
                        }

                        foreach (var child in operation.ChildOperations.Reverse())
                            pending.Push((child, false));
                    }
                }
            }

            _firstEffectOfBlock[_blocks.Length] = effects.Count;
            _effects = effects.ToArray();
            effects.Clear();
            _guards = FindGuards();

            _observations = new CommandObservation?[_commandCount];
            foreach (var localFunction in _graph.LocalFunctions)
                NestedGraphs.Add(_graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken));
            MarkRegions(_graph.Root);
            return true;
        }

        private static IEnumerable<IOperation> OperationsOf(BasicBlock block)
            => block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);

        private void MarkRegions(ControlFlowRegion region)
        {
            foreach (var capture in region.CaptureIds)
                _variables.SetScope(capture, region);
            foreach (var local in region.Locals)
                _variables.SetScope(local, region);
            if (region.Kind == ControlFlowRegionKind.Finally && !IsTransparent(region))
                _opaqueFinallyRegions.Add(region);
            foreach (var nested in region.NestedRegions)
                MarkRegions(nested);
        }

        /// <summary>
        /// A finally block that cannot change any connection (typically the Dispose of a using):
        /// paths go through it unchanged. Any other finally block makes what follows it unknown.
        /// </summary>
        private bool IsTransparent(ControlFlowRegion region)
        {
            for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal; i++)
            {
                foreach (var operation in OperationsOf(_blocks[i]).SelectMany(o => o.DescendantsAndSelf()))
                {
                    switch (operation)
                    {
                        case IFlowAnonymousFunctionOperation:
                            return false;
                        case ISimpleAssignmentOperation assignment when _symbols.IsConnection(assignment.Target.Type):
                            return false;
                        case IInvocationOperation invocation when invocation.TargetMethod.Name is not ("Dispose" or "DisposeAsync"):
                            if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction
                                || _symbols.GetCommand(invocation) is not null
                                || _symbols.IsConnection(invocation.Instance?.Type)
                                || invocation.Arguments.Any(a => _symbols.IsConnection(a.Value.Type)))
                            {
                                return false;
                            }

                            break;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// What <paramref name="operation"/> may do to the state, decided once per graph (numbering
        /// the variables and sites it involves): most operations do nothing to any connection, and
        /// the visits of a block only apply the rest.
        /// </summary>
        private Effect? EffectOf(IOperation operation)
        {
            // Most operations (literals, arguments, arithmetic…) have none: rule them out on their kind, which is cheap.
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                case OperationKind.SimpleAssignment:
                case OperationKind.FlowCapture:
                case OperationKind.FlowAnonymousFunction:
                case OperationKind.MethodReference:
                case OperationKind.DeclarationPattern:
                case OperationKind.RecursivePattern:
                case OperationKind.InstanceReference:
                case OperationKind.FlowCaptureReference:
                case OperationKind.LocalReference:
                case OperationKind.ParameterReference:
                case OperationKind.FieldReference:
                case OperationKind.PropertyReference:
                    break;
                default:
                    return null;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (_symbols.IsConnect(method))
                        return new Effect(EffectKind.Connect, operation, site: _variables.SiteOfConnect(invocation));
                    if (_symbols.GetCommand(invocation) is { } call)
                        return new Effect(EffectKind.Command, operation, source: SourceOf(call.Connection), call: call, commandIndex: _commandCount++);
                    if (HelperCallOf(invocation) is { } helper)
                        return new Effect(EffectKind.HelperCall, operation, source: SourceOf(helper.Call.Connection), call: helper.Call, commandIndex: _commandCount++, helper: helper);
                    // A method of this object may use the connections held in its fields; any method of
                    // this compilation (a local function too) may use those held in static fields.
                    if (method.MethodKind == MethodKind.LocalFunction)
                        return new Effect(EffectKind.LocalFunctionCall, operation);
                    if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                        return new Effect(EffectKind.ThisEscapes, operation);
                    return IsInSource(method) ? new Effect(EffectKind.StaticFieldsEscape, operation) : null;
                case ISimpleAssignmentOperation assignment:
                    return VariableOf(assignment.Target) is ISymbol target
                        ? new Effect(EffectKind.Assignment, operation, _variables.Number(target), _variables.NewSite(), SourceOf(assignment.Value))
                        : null;
                case IFlowCaptureOperation capture:
                    return new Effect(EffectKind.Capture, operation, _variables.Number(capture.Id), _variables.NewSite(), SourceOf(capture.Value));
                case IFlowAnonymousFunctionOperation:
                    return new Effect(EffectKind.AnonymousFunction, operation);
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction }:
                    return new Effect(EffectKind.LocalFunctionReference, operation);
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } when _symbols.IsConnection(local.Type):
                    return new Effect(EffectKind.PatternDeclaration, operation, _variables.Number(local), _variables.NewSite());
                case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } when _symbols.IsConnection(local.Type):
                    return new Effect(EffectKind.PatternDeclaration, operation, _variables.Number(local), _variables.NewSite());
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance:
                    return IsSafeUse(instance) ? null : new Effect(EffectKind.ThisEscapes, operation);
            }

            return VariableOf(operation) is { } variable && !IsSafeUse(operation)
                ? new Effect(EffectKind.VariableEscapes, operation, _variables.Number(variable))
                : null;
        }

        private static bool IsInSource(IMethodSymbol method)
        {
            foreach (var location in method.Locations)
            {
                if (location.IsInSource)
                    return true;
            }

            return false;
        }

        /// <summary>Where the connection an expression evaluates to comes from: a variable, a Connect call, or nowhere tracked.</summary>
        private ObjectSource SourceOf(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaitable }:
                        operation = awaitable;
                        continue;
                }

                break;
            }

            if (operation is IInvocationOperation invocation && _symbols.IsConnect(invocation.TargetMethod))
                return ObjectSource.FromSite(_variables.SiteOfConnect(invocation));
            return operation is not null && VariableOf(operation) is { } variable
                ? ObjectSource.FromVariable(_variables.Number(variable))
                : ObjectSource.None;
        }

        private void Apply(in Effect effect, FlowState state)
        {
            switch (effect.Kind)
            {
                case EffectKind.Connect:
                    state.Allocate(_variables.ObjectOfSite(effect.Site), ConnectionFacts.JustConnected);
                    return;
                case EffectKind.Command:
                    ApplyCommand(effect, state);
                    return;
                case EffectKind.HelperCall:
                    ApplyHelperCall(effect, state);
                    return;
                case EffectKind.LocalFunctionCall:
                    PinCapturedBy(((IInvocationOperation)effect.Operation).TargetMethod, state);
                    state.EscapeFields(staticOnly: true);
                    return;
                case EffectKind.Assignment:
                    if (ObjectOf(effect.Source, state) is { } assigned)
                        state.Bind(effect.Variable, assigned);
                    else
                        BindToNewUnknown(effect, state);
                    return;
                case EffectKind.Capture:
                    ApplyCapture(effect, state);
                    return;
                case EffectKind.AnonymousFunction:
                    state.Pin(CapturedNames(effect.Operation.Syntax));
                    return;
                case EffectKind.LocalFunctionReference:
                    PinCapturedBy(((IMethodReferenceOperation)effect.Operation).Method, state);
                    return;
                case EffectKind.PatternDeclaration:
                    BindToNewUnknown(effect, state);
                    return;
                case EffectKind.ThisEscapes:
                    state.EscapeFields(staticOnly: false);
                    return;
                case EffectKind.StaticFieldsEscape:
                    state.EscapeFields(staticOnly: true);
                    return;
                case EffectKind.VariableEscapes:
                    if (_variables.IsSymbol(effect.Variable) || state.IsBound(effect.Variable))
                        state.Escape(effect.Variable);
                    return;
            }
        }

        private void ApplyCommand(in Effect effect, FlowState state)
        {
            var call = effect.Call!;
            var connectionObject = ObjectOf(effect.Source, state);
            var facts = connectionObject is { } known ? state.FactsOf(known) : ConnectionFacts.Escaped;
            var before = BeforeOf(effect);
            for (var i = 0; i < before.Length; i++)
            {
                before[i] = facts;
                facts = FtpVerbs.After(call.Verbs[i], facts);
            }

            if (connectionObject is { } changed)
                state.SetFacts(changed, facts);
        }

        /// <summary>
        /// A call of a helper that receives the connection: what the helper's summary for the
        /// connection's state here says it finds before each of its commands, and leaves after it.
        /// Without a summary (too deep, a cycle, the analysis gave up) the connection escapes.
        /// </summary>
        private void ApplyHelperCall(in Effect effect, FlowState state)
        {
            var helper = effect.Helper!;
            var connectionObject = ObjectOf(effect.Source, state);
            var facts = connectionObject is { } known ? state.FactsOf(known) : ConnectionFacts.Escaped;
            var summary = facts.IsEscaped ? null : _symbols.Helpers.Get(helper.Method, helper.Parameter, facts, _depth + 1, _compilation!, _cancellationToken);
            var before = BeforeOf(effect);
            for (var i = 0; i < before.Length; i++)
                before[i] = summary is not null && summary.Before.Length == before.Length ? summary.Before[i] : ConnectionFacts.Escaped;

            if (connectionObject is { } changed)
                state.SetFacts(changed, summary?.Exit ?? ConnectionFacts.Escaped);
            // Like any method of this compilation, the helper may use connections held in static fields.
            state.EscapeFields(staticOnly: true);
        }

        /// <summary>Where the facts before each verb of a command go: the observation of the main pass, or this loop pass's own.</summary>
        private ConnectionFacts[] BeforeOf(in Effect effect)
        {
            var call = effect.Call!;
            ConnectionFacts[] before;
            if (_laterIterations is not null)
            {
                if (!_laterIterations.TryGetValue(effect.CommandIndex, out before!))
                    _laterIterations[effect.CommandIndex] = before = new ConnectionFacts[call.Verbs.Length];
                return before;
            }

            if (_observations[effect.CommandIndex] is not { } observation)
            {
                _observations[effect.CommandIndex] = observation = new CommandObservation(call, _currentBlock, effect.Helper?.Standalone);
                _blocksWithCommands[_currentBlock] = true;
            }

            return observation.Before;
        }

        /// <summary>
        /// The helper <paramref name="invocation"/> calls with the connection, when it has a summary
        /// (its verbs are those of the summary entered knowing nothing); found once per call.
        /// </summary>
        private HelperCall? HelperCallOf(IInvocationOperation invocation)
        {
            if (_helperCalls.TryGetValue(invocation, out var known))
                return known;

            HelperCall? found = null;
            if (_compilation is not null && _depth < HelperSummaries.MaxDepth
                && _symbols.Helpers.HelperCallOf(invocation) is { } target
                && invocation.Arguments[target.Argument] is { Parameter: { } parameter } argument
                && _symbols.Helpers.Get(target.Method, parameter.Ordinal, ConnectionFacts.Unknown, _depth + 1, _compilation, _cancellationToken) is { } standalone)
            {
                found = new HelperCall(target.Method, parameter.Ordinal, new FtpCommandCall(invocation, argument.Value, standalone.Verbs), standalone);
            }

            return _helperCalls[invocation] = found;
        }

        private void ApplyCapture(in Effect effect, FlowState state)
        {
            if (ObjectOf(effect.Source, state) is { } captured)
                state.Bind(effect.Variable, captured);
            else if (_symbols.IsConnection(((IFlowCaptureOperation)effect.Operation).Value.Type))
                BindToNewUnknown(effect, state);
            else if (state.IsBound(effect.Variable))
                state.Bind(effect.Variable, FlowState.EscapedObject);
        }

        /// <summary>The effect's variable now holds a connection created at the effect's site, about which nothing is known.</summary>
        private void BindToNewUnknown(in Effect effect, FlowState state)
        {
            var connectionObject = _variables.ObjectOfSite(effect.Site);
            state.Allocate(connectionObject, ConnectionFacts.Unknown);
            state.Bind(effect.Variable, connectionObject);
        }

        /// <summary>The connection object an expression evaluates to, or null when not tracked.</summary>
        private int? ObjectOf(ObjectSource source, FlowState state)
        {
            if (source.Site >= 0)
                return _variables.ObjectOfSite(source.Site);
            var variable = source.Variable;
            if (variable < 0 || (!_variables.IsSymbol(variable) && !state.IsBound(variable)))
                return null;
            return state.ObjectOf(variable);
        }
        /// <summary>
        /// The variable an operation reads: a local, a parameter, a field or auto-property of this
        /// object (or static) holding a connection, or a flow capture.
        /// </summary>
        private object? VariableOf(IOperation operation)
            => operation is IFlowCaptureReferenceOperation capture ? capture.Id : _symbols.ConnectionVariable(operation);

        /// <summary>
        /// True when this read of a connection (or of this object) cannot hand it to code the
        /// analysis does not see: a command, Dispose, a property read, a copy into a local or a
        /// parameter, a null or type test. Anything else (an argument, a field, a collection, a
        /// tuple, a return) is an escape.
        /// </summary>
        private bool IsSafeUse(IOperation reference)
        {
            var child = reference;
            var parent = reference.Parent;
            while (parent is IConversionOperation)
            {
                child = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case null:
                case IExpressionStatementOperation:
                case IFlowCaptureOperation:
                case IIsNullOperation:
                case IIsTypeOperation:
                case IIsPatternOperation:
                case IAwaitOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    return true;
                case IInvocationOperation invocation when invocation.Instance == child:
                    return reference is not IInstanceReferenceOperation
                        ? _symbols.GetCommand(invocation) is not null
                          || invocation.TargetMethod.Name is "Dispose" or "DisposeAsync" or "ConfigureAwait" or "ToString" or "GetHashCode" or "GetType" or "Equals"
                        : false;
                case IArgumentOperation { Parent: IInvocationOperation invocation } argument
                    when argument.Value == child && HelperCallOf(invocation) is { } helper && helper.Call.Connection == child:
                    return true;
                case IArgumentOperation { Parameter: { Ordinal: 0, RefKind: RefKind.None }, Parent: IInvocationOperation invocation } argument:
                    return argument.Value == child && _symbols.GetCommand(invocation) is { } call && call.Connection == child;
                case IPropertyReferenceOperation property when property.Instance == child:
                case IFieldReferenceOperation field when field.Instance == child:
                    return true;
                case ISimpleAssignmentOperation assignment:
                    // A copy into a local is an alias; a copy into a field is a connection other code can reach.
                    return assignment.Target == child
                        || (assignment.Value == child && VariableOf(assignment.Target) is ILocalSymbol or IParameterSymbol);
                default:
                    return false;
            }
        }

        private void PinCapturedBy(IMethodSymbol localFunction, FlowState state)
        {
            foreach (var reference in localFunction.DeclaringSyntaxReferences)
                state.Pin(CapturedNames(reference.GetSyntax(_cancellationToken)));
        }

        /// <summary>Every identifier used in a lambda or local function: a superset of the variables it captures.</summary>
        private IReadOnlyCollection<string> CapturedNames(SyntaxNode function)
        {
            if (!_capturedNames.TryGetValue(function, out var names))
            {
                names = new HashSet<string>(function.DescendantNodes().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText));
                _capturedNames[function] = names;
            }

            return names;
        }

        // Scratch space of Prescan, kept per thread: the analysis runs for every member, and
        // allocating these each time was a large part of its cost.
        [ThreadStatic]
        private static Stack<(IOperation Operation, bool ChildrenDone)>? t_pending;

        [ThreadStatic]
        private static List<Effect>? t_effects;

        private enum EffectKind
        {
            Connect,
            Command,
            HelperCall,
            LocalFunctionCall,
            Assignment,
            Capture,
            AnonymousFunction,
            LocalFunctionReference,
            PatternDeclaration,
            ThisEscapes,
            StaticFieldsEscape,
            VariableEscapes,
        }

        /// <summary>An operation that may change the state, with the numbers of what it involves.</summary>
        private readonly struct Effect
        {
            public Effect(EffectKind kind, IOperation operation, int variable = -1, int site = -1, ObjectSource source = default, FtpCommandCall? call = null, int commandIndex = -1, HelperCall? helper = null)
            {
                Helper = helper;
                Kind = kind;
                Operation = operation;
                Variable = variable;
                Site = site;
                Source = source;
                Call = call;
                CommandIndex = commandIndex;
            }

            public EffectKind Kind { get; }

            public IOperation Operation { get; }

            /// <summary>The variable assigned, captured, declared or escaping; -1 when none.</summary>
            public int Variable { get; }

            /// <summary>Where a new connection object is created (a Connect call, or an unknown value assigned); -1 when none.</summary>
            public int Site { get; }

            /// <summary>Where the connection assigned, captured or commanded comes from.</summary>
            public ObjectSource Source { get; }

            public FtpCommandCall? Call { get; }

            /// <summary>For a command: its number in this graph, in block order then evaluation order.</summary>
            public int CommandIndex { get; }

            /// <summary>For a helper call: the helper and its summary entered knowing nothing.</summary>
            public HelperCall? Helper { get; }
        }

        /// <summary>A call of a helper that receives a connection, as a command whose verbs are the helper's.</summary>
        private sealed class HelperCall
        {
            public HelperCall(IMethodSymbol method, int parameter, FtpCommandCall call, HelperSummary standalone)
            {
                Method = method;
                Parameter = parameter;
                Call = call;
                Standalone = standalone;
            }

            public IMethodSymbol Method { get; }

            /// <summary>The ordinal of the parameter that receives the connection.</summary>
            public int Parameter { get; }

            public FtpCommandCall Call { get; }

            public HelperSummary Standalone { get; }
        }

        /// <summary>A command whose reply a block's branch condition tests.</summary>
        private sealed class GuardedCommand
        {
            public GuardedCommand(int commandEffect, string verb, int armingCode, ReplyGuard guard)
            {
                CommandEffect = commandEffect;
                Verb = verb;
                ArmingCode = armingCode;
                Guard = guard;
            }

            /// <summary>The command's index in the effects of the graph.</summary>
            public int CommandEffect { get; }

            public string Verb { get; }

            /// <summary>The reply that arms what the command sets up (<see cref="FtpVerbs.ArmingReplyCode"/>).</summary>
            public int ArmingCode { get; }

            public ReplyGuard Guard { get; }
        }

        /// <summary>A variable's number, or a Connect call's site number, or neither (default).</summary>
        private readonly struct ObjectSource
        {
            private readonly int _variablePlusOne;
            private readonly int _sitePlusOne;

            private ObjectSource(int variablePlusOne, int sitePlusOne)
            {
                _variablePlusOne = variablePlusOne;
                _sitePlusOne = sitePlusOne;
            }

            public static ObjectSource None => default;

            public int Variable => _variablePlusOne - 1;

            public int Site => _sitePlusOne - 1;

            public static ObjectSource FromVariable(int variable) => new(variable + 1, 0);

            public static ObjectSource FromSite(int site) => new(0, site + 1);
        }
    }
}
