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
    // Helper calls: calls of the compilation's methods that receive a connection, followed through their summaries.
    private sealed partial class GraphWalker
    {
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
    }
}
