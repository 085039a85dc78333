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

internal static partial class ConnectionFlowAnalysis
{
    // The solver: the worklist run to a fixed point, propagation along branches (through finally blocks), and joins.
    private sealed partial class GraphWalker
    {
        /// <summary>
        /// Runs the analysis to a fixed point from <paramref name="entryStates"/>, within
        /// <paramref name="inScope"/> (all blocks when null) and without re-entering
        /// <paramref name="loopHeader"/>. The facts before each command go to its observation, or, in a
        /// loop's pass, to <paramref name="laterIterations"/> (by command number). False when
        /// <paramref name="budget"/> block visits were not enough.
        /// </summary>
        private bool Solve(Dictionary<int, FlowState> entryStates, HashSet<int>? inScope, int loopHeader, Dictionary<int, ConnectionFacts[]>? laterIterations, int budget, out int visits)
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
                var handlers = HandlersOf(block);
                // Inside a try: the join of every state seen in the block so far.
                var exceptionalState = handlers.Length == 0 ? null : entry;
                for (var index = _firstEffectOfBlock[ordinal]; index < _firstEffectOfBlock[ordinal + 1]; index++)
                {
                    var version = state.Version;
                    Apply(in _effects[index], state, ordinal, laterIterations);
                    if (exceptionalState is not null && state.Version != version)
                        exceptionalState = exceptionalState.Join(state);
                }

                // An exception may come at any point of the block: its handlers start from any state seen in it.
                foreach (var handler in handlers)
                    Merge(handler, exceptionalState!, entryStates, worklist, inScope);

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
    }
}
