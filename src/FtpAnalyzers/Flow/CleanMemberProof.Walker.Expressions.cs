using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Flow;

internal static partial class CleanMemberProof
{
    // Expressions: evaluation order, the branches inside expressions, and the graph analysis's effects of each operation.
    private sealed partial class Walker
    {

        /// <summary>The state after evaluating <paramref name="operation"/>, children first (<paramref name="state"/> may be changed).</summary>
        private FlowState Value(IOperation operation, FlowState state)
        {
            if (!_relevant.Contains(operation) || _givenUp || !Spend())
                return state;

            switch (operation)
            {
                case IAnonymousFunctionOperation anonymous:
                    // Code that may run at any later time captures these names: what they hold is unknown from now on.
                    state.Pin(CapturedNames(anonymous.Syntax));
                    return state;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                {
                    var afterCondition = Value(conditional.Condition, state);
                    if (conditional.Condition.ConstantValue is { HasValue: true, Value: bool constant })
                        return Value(constant ? conditional.WhenTrue : whenFalse, afterCondition);
                    return Value(conditional.WhenTrue, afterCondition.Clone()).Join(Value(whenFalse, afterCondition));
                }
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                {
                    var afterLeft = Value(logical.LeftOperand, state);
                    var shortCircuits = logical.OperatorKind == BinaryOperatorKind.ConditionalOr;
                    if (logical.LeftOperand.ConstantValue is { HasValue: true, Value: bool constant })
                        return constant == shortCircuits ? afterLeft : Value(logical.RightOperand, afterLeft);
                    return Value(logical.RightOperand, afterLeft.Clone()).Join(afterLeft);
                }
                case ICoalesceOperation coalesce:
                {
                    var afterValue = Value(coalesce.Value, state);
                    return coalesce.Value.ConstantValue.HasValue ? Value(coalesce.WhenNull, afterValue) : Value(coalesce.WhenNull, afterValue.Clone()).Join(afterValue);
                }
                case IConditionalAccessOperation access:
                {
                    if (_symbols.IsConnection(access.Operation.Type))
                        return GiveUpWith(state);
                    var afterValue = Value(access.Operation, state);
                    return Value(access.WhenNotNull, afterValue.Clone()).Join(afterValue);
                }
                case ISwitchExpressionOperation switchExpression:
                {
                    var afterValue = Value(switchExpression.Value, state);
                    FlowState? joined = null;
                    foreach (var arm in switchExpression.Arms)
                    {
                        var armState = afterValue.Clone();
                        if (arm.Guard is { } guard)
                            armState = Value(guard, armState);
                        joined = Join(joined, Value(arm.Value, armState));
                    }

                    return joined ?? afterValue;
                }
                case IThrowOperation:
                    // A throw expression ends its path inside an expression: not followed.
                    return GiveUpWith(state);
            }

            foreach (var child in operation.ChildOperations)
                state = Value(child, state);
            Effect(operation, state);
            return state;
        }

        /// <summary>What <paramref name="operation"/> does to the connections, once its children are evaluated: the graph analysis's effects.</summary>
        private void Effect(IOperation operation, FlowState state)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (_symbols.IsConnect(method))
                    {
                        state.Allocate(_variables.ObjectOfSite(_variables.SiteOfConnect(invocation)), ConnectEncryption.FactsAfter(invocation, invocation.SemanticModel, _symbols));
                    }
                    else if (CommandOf(invocation) is { } call)
                    {
                        Command(invocation, call, state);
                    }
                    else if (method.MethodKind == MethodKind.LocalFunction)
                    {
                        PinCapturedBy(method, state);
                        state.EscapeFields(staticOnly: true);
                    }
                    else if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                    {
                        state.EscapeFields(staticOnly: false);
                    }
                    else if (EscapeFacts.IsInSource(method))
                    {
                        state.EscapeFields(staticOnly: true);
                    }

                    return;
                case ISimpleAssignmentOperation assignment:
                    if (_symbols.ConnectionVariable(assignment.Target) is { } target)
                        Assign(assignment, _variables.Number(target), assignment.Value, state);
                    return;
                case IVariableDeclaratorOperation declarator:
                    if (_symbols.IsConnection(declarator.Symbol.Type) && declarator.GetVariableInitializer() is { } initializer)
                        Assign(declarator, _variables.Number(declarator.Symbol), initializer.Value, state);
                    return;
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                    PinCapturedBy(reference.Method, state);
                    return;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance:
                    if (!IsSafeUse(instance))
                        state.EscapeFields(staticOnly: false);
                    return;
            }

            if (_symbols.ConnectionVariable(operation) is { } variable && !IsSafeUse(operation))
                state.Escape(_variables.Number(variable));
        }

        private void Command(IInvocationOperation invocation, FtpCommandCall call, FlowState state)
        {
            if (ObjectOf(call.Connection, state, out var connectionObject) is false)
            {
                GiveUp();
                return;
            }

            var facts = connectionObject is { } known ? state.FactsOf(known) : ConnectionFacts.Escaped;
            if (!_witnesses.TryGetValue(invocation, out var witness))
                _witnesses[invocation] = witness = new Witness(call.Verbs, _loops);
            // Copied by the witness: one array per walk will do.
            var before = _before.Length == call.Verbs.Length ? _before : _before = new ConnectionFacts[call.Verbs.Length];
            for (var i = 0; i < before.Length; i++)
            {
                before[i] = facts;
                facts = FtpVerbs.After(call.Verbs[i], facts);
            }

            witness.Add(before, _loops);
            if (connectionObject is { } changed)
                state.SetFacts(changed, facts);
        }

        private void Assign(IOperation site, int variable, IOperation value, FlowState state)
        {
            if (ObjectOf(value, state, out var assigned) is false)
            {
                GiveUp();
                return;
            }

            if (assigned is { } known)
            {
                state.Bind(variable, known);
                return;
            }

            // A connection from elsewhere (a call, a field of another object): nothing known about it.
            var connectionObject = _variables.ObjectOfSite(_variables.SiteOfConnect(site));
            state.Allocate(connectionObject, ConnectionFacts.Unknown);
            state.Bind(variable, connectionObject);
        }

        /// <summary>
        /// The connection object <paramref name="value"/> evaluates to (null: none tracked), as the
        /// graph analysis finds it; false when the graph would track a value the walk cannot.
        /// </summary>
        private bool ObjectOf(IOperation value, FlowState state, out int? connectionObject)
        {
            connectionObject = null;
            while (true)
            {
                switch (value)
                {
                    case IConversionOperation conversion:
                        value = conversion.Operand;
                        continue;
                    case IAwaitOperation awaited:
                        value = awaited.Operation;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaitable }:
                        value = awaitable;
                        continue;
                }

                break;
            }

            if (value is IInvocationOperation invocation && _symbols.IsConnect(invocation.TargetMethod))
            {
                connectionObject = _variables.ObjectOfSite(_variables.SiteOfConnect(invocation));
                return true;
            }

            if (_symbols.ConnectionVariable(value) is { } variable)
            {
                connectionObject = state.ObjectOf(_variables.Number(variable));
                return true;
            }

            // The graph captures these into values of its own and follows them: the walk does not.
            return value is not (IConditionalAccessInstanceOperation or IConditionalOperation or ICoalesceOperation or ISwitchExpressionOperation);
        }

        /// <summary>
        /// The graph analysis's test of a read that cannot hand the connection to unseen code, for
        /// the operations the graph keeps as they are and the declarations and using statements it rewrites into assignments and captures.
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
                case IIsTypeOperation:
                case IIsPatternOperation:
                case IAwaitOperation:
                case IUsingOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    return true;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return _symbols.IsConnection(declarator.Symbol.Type);
                case IInvocationOperation invocation when invocation.Instance == child:
                    return reference is not IInstanceReferenceOperation
                        && (CommandOf(invocation) is not null
                            || invocation.TargetMethod.Name is "Dispose" or "DisposeAsync" or "ConfigureAwait" or "ToString" or "GetHashCode" or "GetType" or "Equals");
                case IArgumentOperation { Parameter: { Ordinal: 0, RefKind: RefKind.None }, Parent: IInvocationOperation invocation } argument:
                    return argument.Value == child && CommandOf(invocation) is { } call && call.Connection == child;
                case IPropertyReferenceOperation property when property.Instance == child:
                case IFieldReferenceOperation field when field.Instance == child:
                    return true;
                case ISimpleAssignmentOperation assignment:
                    return assignment.Target == child
                        || (assignment.Value == child && _symbols.ConnectionVariable(assignment.Target) is ILocalSymbol or IParameterSymbol);
                default:
                    return false;
            }
        }

        private FtpCommandCall? CommandOf(IInvocationOperation invocation)
            => _commands.TryGetValue(invocation, out var call) ? call : _symbols.GetCommand(invocation);

        private void PinCapturedBy(IMethodSymbol localFunction, FlowState state)
        {
            foreach (var reference in localFunction.DeclaringSyntaxReferences)
                state.Pin(CapturedNames(reference.GetSyntax(_cancellationToken)));
        }

        /// <summary>Every identifier used in a lambda or local function, as the graph analysis collects them.</summary>
        private IReadOnlyCollection<string> CapturedNames(SyntaxNode function)
        {
            _capturedNames ??= new Dictionary<SyntaxNode, IReadOnlyCollection<string>>();
            if (_capturedNames.TryGetValue(function, out var known))
                return known;
            return _capturedNames[function] = EscapeFacts.NamesUsedIn(function);
        }

        private static FlowState? Join(FlowState? left, FlowState? right)
            => left is null ? right : right is null ? left : left.Join(right);

        private bool Spend()
        {
            if (--_budget >= 0)
                return true;
            GiveUp();
            return false;
        }

        private FlowState? GiveUp()
        {
            _givenUp = true;
            return null;
        }

        private FlowState GiveUpWith(FlowState state)
        {
            _givenUp = true;
            return state;
        }
    }
}
