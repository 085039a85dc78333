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
    // Helper calls: calls of the compilation's methods that receive a connection (as a parameter, or
    // in the fields and auto-properties of this), followed through their summaries.
    private sealed partial class GraphWalker
    {
        /// <summary>
        /// The helper <paramref name="invocation"/> calls, when it has a summary (its verbs are those
        /// of the summary entered knowing nothing); found once per call.
        /// </summary>
        private HelperCall? HelperCallOf(IInvocationOperation invocation)
        {
            if (_helperCalls.TryGetValue(invocation, out var known))
                return known;

            HelperCall? found = null;
            if (_compilation is not null && _depth < HelperSummaries.MaxDepth)
            {
                if (_symbols.Helpers.HelperCallOf(invocation) is { } target)
                {
                    if (invocation.Arguments[target.Argument] is { Parameter: { } parameter } argument
                        && Standalone(target.Method) is { } standalone)
                    {
                        var onThis = invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
                        found = new HelperCall(target.Method, parameter.Ordinal, onThis, new FtpCommandCall(invocation, argument.Value, standalone.Verbs), standalone);
                    }
                }
                else if (_symbols.Helpers.ThisHelperOf(invocation) is { } method && Standalone(method) is { } standalone)
                {
                    found = new HelperCall(method, parameter: -1, onThis: true, new FtpCommandCall(invocation, invocation.Instance ?? invocation, standalone.Verbs), standalone);
                }
            }

            return _helperCalls[invocation] = found;
        }

        private HelperSummary? Standalone(IMethodSymbol method)
            => _symbols.Helpers.Get(method, HelperEntry.None, _depth + 1, _compilation!, _graph, _cancellationToken);

        /// <summary>
        /// How <paramref name="helper"/> is entered from <paramref name="state"/>: the connection
        /// its parameter receives and, for a call on this (or a local function), those of the
        /// fields and auto-properties of this that this graph tracks, grouped by the object they
        /// hold; <paramref name="groupObjects"/> receives each group's object. Connections already
        /// unknown for good are left out (they stay so), and so are the fields that cannot be
        /// followed by symbol into the helper (those of a constructed generic base type):
        /// <paramref name="unfollowed"/> receives them, and they escape.
        /// </summary>
        private HelperEntry EntryOf(HelperCall helper, in Effect effect, FlowState state, List<int> groupObjects, List<int> unfollowed)
        {
            var variables = ImmutableArray.CreateBuilder<(ISymbol, int)>();
            var facts = ImmutableArray.CreateBuilder<ConnectionFacts>();

            void Add(ISymbol symbol, int connectionObject)
            {
                if (connectionObject == FlowState.EscapedObject || state.FactsOf(connectionObject).IsEscaped)
                    return;
                var group = groupObjects.IndexOf(connectionObject);
                if (group < 0)
                {
                    group = groupObjects.Count;
                    groupObjects.Add(connectionObject);
                    facts.Add(state.FactsOf(connectionObject));
                }

                variables.Add((symbol, group));
            }

            if (helper.Parameter >= 0 && ObjectOf(effect.Source, state) is { } argument)
                Add(((IMethodSymbol)helper.Method.OriginalDefinition).Parameters[helper.Parameter], argument);
            if (helper.OnThis)
            {
                for (var variable = 0; variable < _variables.Count; variable++)
                {
                    if (_variables.SymbolOf(variable) is not { IsStatic: false } symbol || !_variables.IsFieldOrProperty(variable))
                        continue;
                    if (SymbolEqualityComparer.Default.Equals(symbol, symbol.OriginalDefinition))
                        Add(symbol, state.ObjectOf(variable));
                    else
                        unfollowed.Add(variable);
                }
            }

            return new HelperEntry(variables.ToImmutable(), facts.ToImmutable());
        }

        /// <summary>
        /// The names a local function helper's call pins: those it uses, but for the fields and
        /// auto-properties of this the summary follows (when no local or parameter here has the name).
        /// </summary>
        private IReadOnlyCollection<string> PinnedByLocalFunctionHelper(IMethodSymbol localFunction)
        {
            var names = new HashSet<string>();
            foreach (var reference in localFunction.DeclaringSyntaxReferences)
                names.UnionWith(CapturedNames(reference.GetSyntax(_cancellationToken)));
            var otherNames = new HashSet<string>();
            var fieldNames = new HashSet<string>();
            for (var variable = 0; variable < _variables.Count; variable++)
            {
                if (_variables.NameOf(variable) is not { } name)
                    continue;
                if (_variables.IsFieldOrProperty(variable) && !_variables.IsStatic(variable))
                    fieldNames.Add(name);
                else
                    otherNames.Add(name);
            }

            fieldNames.ExceptWith(otherNames);
            names.ExceptWith(fieldNames);
            return names;
        }

        /// <summary>A call of a helper that receives a connection, as a command whose verbs are the helper's.</summary>
        private sealed class HelperCall
        {
            public HelperCall(IMethodSymbol method, int parameter, bool onThis, FtpCommandCall call, HelperSummary standalone)
            {
                Method = method;
                Parameter = parameter;
                OnThis = onThis;
                Call = call;
                Standalone = standalone;
            }

            public IMethodSymbol Method { get; }

            /// <summary>The ordinal of the parameter that receives the connection; -1 when none does.</summary>
            public int Parameter { get; }

            /// <summary>
            /// True for a call on this (implicit or explicit) or of a local function: the helper may
            /// act on the connections held in the fields and auto-properties of this.
            /// </summary>
            public bool OnThis { get; }

            public FtpCommandCall Call { get; }

            public HelperSummary Standalone { get; }
        }
    }
}
