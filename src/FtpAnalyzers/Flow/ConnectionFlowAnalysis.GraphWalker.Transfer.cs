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
    // Transfer: applying an effect to a state (commands, helper calls, assignments, captures).
    private sealed partial class GraphWalker
    {
        /// <summary>Applies <paramref name="effect"/>, an effect of block <paramref name="block"/>; the facts before a command go where <see cref="BeforeOf"/> says.</summary>
        private void Apply(in Effect effect, FlowState state, int block, Dictionary<int, ConnectionFacts[]>? laterIterations)
        {
            switch (effect.Kind)
            {
                case EffectKind.Connect:
                    state.Allocate(_variables.ObjectOfSite(effect.Site), effect.Connected);
                    return;
                case EffectKind.Command:
                    ApplyCommand(effect, state, block, laterIterations);
                    return;
                case EffectKind.HelperCall:
                    ApplyHelperCall(effect, state, block, laterIterations);
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

        private void ApplyCommand(in Effect effect, FlowState state, int block, Dictionary<int, ConnectionFacts[]>? laterIterations)
        {
            var call = effect.Call!;
            var connectionObject = ObjectOf(effect.Source, state);
            var facts = connectionObject is { } known ? state.FactsOf(known) : ConnectionFacts.Escaped;
            var before = BeforeOf(effect, block, laterIterations);
            for (var i = 0; i < before.Length; i++)
            {
                before[i] = facts;
                facts = FtpVerbs.After(call.Verbs[i], facts);
            }

            if (connectionObject is { } changed)
                state.SetFacts(changed, facts);
        }

        /// <summary>
        /// A call of a helper that receives connections (its parameter, or the fields and
        /// auto-properties of this): what the helper's summary for their state here says it finds
        /// before each of its commands, and leaves in each of them after it. Without a summary (too
        /// deep, a cycle, the analysis gave up, a field it assigns) they escape, as every field of
        /// this does when the call is on this.
        /// </summary>
        private void ApplyHelperCall(in Effect effect, FlowState state, int block, Dictionary<int, ConnectionFacts[]>? laterIterations)
        {
            var helper = effect.Helper!;
            // A local function helper may still capture this graph's locals: those escape, as for any local function.
            if (helper.Method.MethodKind == MethodKind.LocalFunction)
                state.Pin(PinnedByLocalFunctionHelper(helper.Method));

            var groupObjects = new List<int>();
            var unfollowed = new List<int>();
            var entry = EntryOf(helper, effect, state, groupObjects, unfollowed);
            var summary = groupObjects.Count == 0
                ? null
                : _symbols.Helpers.Get(helper.Method, entry, _depth + 1, _compilation!, _graph, _cancellationToken);
            var before = BeforeOf(effect, block, laterIterations);
            for (var i = 0; i < before.Length; i++)
                before[i] = summary is not null && summary.Before.Length == before.Length ? summary.Before[i] : ConnectionFacts.Escaped;

            for (var group = 0; group < groupObjects.Count; group++)
                state.SetFacts(groupObjects[group], summary?.Exits[group] ?? ConnectionFacts.Escaped);
            if (summary is null && helper.OnThis)
                state.EscapeFields(staticOnly: false);
            foreach (var variable in unfollowed)
                state.Escape(variable);

            // Like any method of this compilation, the helper may use connections held in static fields.
            state.EscapeFields(staticOnly: true);
        }

        /// <summary>Where the facts before each verb of a command go: the observation of the main pass, or this loop pass's own.</summary>
        private ConnectionFacts[] BeforeOf(in Effect effect, int block, Dictionary<int, ConnectionFacts[]>? laterIterations)
        {
            var call = effect.Call!;
            ConnectionFacts[] before;
            if (laterIterations is not null)
            {
                if (!laterIterations.TryGetValue(effect.CommandIndex, out before!))
                    laterIterations[effect.CommandIndex] = before = new ConnectionFacts[call.Verbs.Length];
                return before;
            }

            if (_observations[effect.CommandIndex] is not { } observation)
            {
                _observations[effect.CommandIndex] = observation = new CommandObservation(call, block, effect.Helper?.Standalone);
                _blocksWithCommands[block] = true;
            }

            return observation.Before;
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
    }
}
