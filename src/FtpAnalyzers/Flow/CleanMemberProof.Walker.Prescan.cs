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
    // The prescan: numbering, nested functions, commands, the operations worth visiting, and what the walk does not model.
    private sealed partial class Walker
    {
        /// <summary>
        /// Numbers every variable first (a site's object number depends on how many there are, as
        /// in the graph analysis), finds nested functions and commands, marks the operations the
        /// walk must visit (<see cref="_relevant"/>), and rules out what the walk does not model.
        /// </summary>
        private bool Prescan(IOperation function, List<IOperation> nested, out int operations)
        {
            operations = 0;
            var pending = _pending;
            foreach (var child in function.ChildOperations)
                pending.Push(child);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                operations++;
                var relevant = false;
                // On the kind first: a kind is a field read, a type test of an interface is not, and this runs for every operation.
                switch (operation.Kind)
                {
                    case OperationKind.Invalid:
                    case OperationKind.Labeled:
                    case OperationKind.Branch when ((IBranchOperation)operation).BranchKind == BranchKind.GoTo:
                        return false;
                    case OperationKind.AnonymousFunction:
                        nested.Add(((IAnonymousFunctionOperation)operation).Body);
                        MarkRelevant(operation, function);
                        continue;
                    case OperationKind.LocalFunction:
                        if (((ILocalFunctionOperation)operation).Body is { } body)
                            nested.Add(body);
                        continue;
                    case OperationKind.DeclarationPattern when ((IDeclarationPatternOperation)operation).DeclaredSymbol is ILocalSymbol local && _symbols.IsConnection(local.Type):
                    case OperationKind.RecursivePattern when ((IRecursivePatternOperation)operation).DeclaredSymbol is ILocalSymbol patternLocal && _symbols.IsConnection(patternLocal.Type):
                        return false;
                    case OperationKind.VariableDeclarator:
                        var declared = ((IVariableDeclaratorOperation)operation).Symbol;
                        if (_symbols.IsConnection(declared.Type))
                        {
                            _variables.Number(declared);
                            relevant = true;
                        }

                        break;
                    case OperationKind.Invocation:
                        var invocation = (IInvocationOperation)operation;
                        if (!IsModelledCall(invocation, out var call))
                            return false;
                        _commands[invocation] = call;
                        relevant = call is not null || _symbols.IsConnect(invocation.TargetMethod) || HasEffect(invocation);
                        break;
                    // A path may end or leave here, and an endless loop has no way out but its breaks.
                    case OperationKind.Branch:
                    case OperationKind.Return:
                    case OperationKind.YieldReturn:
                    case OperationKind.YieldBreak:
                    case OperationKind.Throw:
                    case OperationKind.SimpleAssignment:
                    case OperationKind.InstanceReference:
                        relevant = true;
                        break;
                    case OperationKind.Loop:
                        relevant = operation is IWhileLoopOperation { Condition: null or { ConstantValue.HasValue: true } }
                            or IForLoopOperation { Condition: null or { ConstantValue.HasValue: true } };
                        break;
                    case OperationKind.MethodReference:
                        relevant = ((IMethodReferenceOperation)operation).Method.MethodKind == MethodKind.LocalFunction;
                        break;
                }

                switch (operation.Kind)
                {
                    case OperationKind.LocalReference:
                    case OperationKind.ParameterReference:
                    case OperationKind.FieldReference:
                    case OperationKind.PropertyReference:
                        if (_symbols.ConnectionVariable(operation) is { } variable)
                        {
                            _variables.Number(variable);
                            relevant = true;
                        }

                        break;
                    // The graph captures the connection these evaluate to on each path and follows the captures: the walk does not.
                    case OperationKind.Conditional:
                    case OperationKind.Coalesce:
                    case OperationKind.CoalesceAssignment:
                    case OperationKind.SwitchExpression:
                    case OperationKind.ConditionalAccess:
                    case OperationKind.ConditionalAccessInstance:
                    case OperationKind.DeclarationExpression:
                        if (_symbols.IsConnection(operation.Type))
                            return false;
                        break;
                    case OperationKind.DeconstructionAssignment:
                        return false;
                }

                if (relevant)
                    MarkRelevant(operation, function);
                foreach (var child in operation.ChildOperations)
                    pending.Push(child);
            }

            return true;
        }

        /// <summary>The operation and those enclosing it up to the function are visited by the walk.</summary>
        private void MarkRelevant(IOperation operation, IOperation function)
        {
            for (var current = operation; current is not null && _relevant.Add(current) && current != function; current = current.Parent)
            {
            }
        }

        /// <summary>A call that is not a command nor a Connect but may still change what is known of connections (the graph analysis's effects).</summary>
        private static bool HasEffect(IInvocationOperation invocation)
            => invocation.TargetMethod.MethodKind == MethodKind.LocalFunction
               || invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }
               || EscapeFacts.IsInSource(invocation.TargetMethod);

        /// <summary>
        /// False for a call the graph analysis treats in a way the walk does not follow: a helper
        /// that receives the connection (summaries), and a command whose reply may be tested by a
        /// branch (a refused USER, RNFR or PASV arms nothing on that branch). A helper on this
        /// (or a local function) of a type holding connections counts as one.
        /// </summary>
        private bool IsModelledCall(IInvocationOperation invocation, out FtpCommandCall? command)
        {
            command = null;
            if (_symbols.Helpers.IsFollowed(invocation))
                return false;
            command = _symbols.GetCommand(invocation);
            if (command is not { } call)
                return true;
            foreach (var verb in call.Verbs)
            {
                if (verb is not null && FtpVerbs.ArmingReplyCode(verb) is not null && !IsDiscarded(invocation))
                    return false;
            }

            return true;
        }

        /// <summary>True when the value of <paramref name="operation"/> is thrown away: no branch can test it.</summary>
        private static bool IsDiscarded(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IAwaitOperation
                   || parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == operation)
            {
                operation = parent;
                parent = parent.Parent;
            }

            return parent is IExpressionStatementOperation;
        }
    }
}
