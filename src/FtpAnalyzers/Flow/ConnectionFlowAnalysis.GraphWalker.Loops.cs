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
    // The loop pass: facts on the paths that come around each loop's back edge ("from the second iteration on").
    private sealed partial class GraphWalker
    {
        /// <summary>Facts on the paths that came around the back edges into <paramref name="header"/>, inside that loop.</summary>
        private bool AnalyzeLaterIterations(int header, FlowState backEdgeState, ref int budget)
        {
            var body = LoopBody(header, _backEdgeSources[header]);
            if (body is null || !body.Any(ordinal => _blocksWithCommands[ordinal]))
                return true;

            var entryStates = new Dictionary<int, FlowState>(body.Count) { [header] = backEdgeState };
            var laterIterations = new Dictionary<int, ConnectionFacts[]>();
            var solved = Solve(entryStates, body, header, laterIterations, budget, out var visits);
            budget -= Math.Max(body.Count, visits);
            if (solved)
            {
                foreach (var observed in laterIterations)
                    _observations[observed.Key]!.AddLaterIterations(observed.Value);
            }

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
    }
}
