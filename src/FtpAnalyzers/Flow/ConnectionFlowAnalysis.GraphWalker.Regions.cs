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
    // Exception regions: which handlers a block's exceptions reach, and which finally blocks leave connections alone.
    private sealed partial class GraphWalker
    {
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
                        case IInvocationOperation invocation when EscapeFacts.MayChangeConnectionInFinally(invocation, _symbols):
                            return false;
                    }
                }
            }

            return true;
        }
    }
}
