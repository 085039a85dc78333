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
    // Statements: sequences, branches, loops (skipped, once, twice), switch, try and the ways out of a path.
    private sealed partial class Walker
    {

        /// <summary>The state after <paramref name="operation"/>; null when no path goes on after it.</summary>
        private FlowState? Statement(IOperation operation, FlowState state)
        {
            if (!_relevant.Contains(operation))
                return state;
            if (_givenUp || !Spend())
                return null;

            switch (operation)
            {
                case IBlockOperation block:
                    FlowState? current = state;
                    foreach (var statement in block.Operations)
                    {
                        if (current is null)
                            break;
                        current = Statement(statement, current);
                    }

                    return current;
                case IConstructorBodyOperation { Initializer: { } initializer } constructor:
                    var afterInitializer = Value(initializer, state);
                    return constructor.BlockBody is { } constructorBody ? Statement(constructorBody, afterInitializer)
                        : constructor.ExpressionBody is { } constructorExpression ? Statement(constructorExpression, afterInitializer)
                        : afterInitializer;
                case IMethodBodyBaseOperation body:
                    return body.BlockBody is { } blockBody ? Statement(blockBody, state)
                        : body.ExpressionBody is { } expressionBody ? Statement(expressionBody, state)
                        : state;
                case IConditionalOperation conditional:
                    return If(conditional, state);
                case IWhileLoopOperation loop:
                    return WhileLoop(loop, state);
                case IForLoopOperation loop:
                    return ForLoop(loop, state);
                case IForEachLoopOperation loop:
                    return ForEachLoop(loop, state);
                case ITryOperation tryOperation:
                    return Try(tryOperation, state);
                case IUsingOperation usingOperation:
                    // The Dispose in the finally block changes no connection: paths go through it unchanged.
                    return Statement(usingOperation.Body, Value(usingOperation.Resources, state));
                case IUsingDeclarationOperation usingDeclaration:
                    return Value(usingDeclaration.DeclarationGroup, state);
                case ILockOperation lockOperation:
                    if (_symbols.IsConnection(lockOperation.LockedValue.Type))
                        return GiveUp();
                    return Statement(lockOperation.Body, Value(lockOperation.LockedValue, state));
                case ISwitchOperation switchOperation:
                    return Switch(switchOperation, state);
                case IBranchOperation branch:
                    return Branch(branch, state);
                case IReturnOperation { Kind: OperationKind.YieldReturn } yieldReturn:
                    return yieldReturn.ReturnedValue is { } yielded ? Value(yielded, state) : state;
                case IReturnOperation returned:
                    if (returned.ReturnedValue is { } value)
                        Value(value, state);
                    return null;
                case IExpressionStatementOperation { Operation: IThrowOperation thrown }:
                    if (thrown.Exception is { } exception)
                        Value(exception, state);
                    return null;
                case IThrowOperation thrown:
                    if (thrown.Exception is { } rethrown)
                        Value(rethrown, state);
                    return null;
                case ISymbolInitializerOperation initializer:
                    return Value(initializer.Value, state);
                case ILocalFunctionOperation:
                case IEmptyOperation:
                    return state;
                case IExpressionStatementOperation expression:
                    return Value(expression.Operation, state);
                case IVariableDeclarationGroupOperation:
                case IVariableDeclarationOperation:
                case IVariableDeclaratorOperation:
                    return Value(operation, state);
                default:
                    return operation.Type is not null || operation.Kind is OperationKind.None ? Value(operation, state) : GiveUp();
            }
        }

        /// <summary>
        /// Both arms of an if statement, joined; only the arm a constant condition takes, since the
        /// graph has no other.
        /// </summary>
        private FlowState? If(IConditionalOperation conditional, FlowState state)
        {
            var afterCondition = Value(conditional.Condition, state);
            if (conditional.Condition.ConstantValue is { HasValue: true, Value: bool constant })
                return constant ? Statement(conditional.WhenTrue, afterCondition) : conditional.WhenFalse is { } taken ? Statement(taken, afterCondition) : afterCondition;
            var whenTrue = Statement(conditional.WhenTrue, afterCondition.Clone());
            return Join(whenTrue, conditional.WhenFalse is { } whenFalse ? Statement(whenFalse, afterCondition) : afterCondition);
        }

        private FlowState? WhileLoop(IWhileLoopOperation loop, FlowState state)
        {
            var frame = Enter(loop);
            FlowState? exit = null;
            FlowState? iteration = state;
            for (var pass = 0; pass < 2 && iteration is not null; pass++)
            {
                frame.Start(pass);
                var entryOfPass = pass == 0 ? iteration.Clone() : null;
                FlowState? bodyEntry;
                if (loop.ConditionIsTop && loop.Condition is { } condition)
                {
                    var afterCondition = Value(condition, iteration);
                    exit = Join(exit, ExitsOn(condition, afterCondition, loop.ConditionIsUntil) ? afterCondition.Clone() : null);
                    bodyEntry = EntersOn(condition, loop.ConditionIsUntil) ? afterCondition : null;
                }
                else
                {
                    bodyEntry = iteration;
                }

                var end = Join(bodyEntry is null ? null : Statement(loop.Body, bodyEntry), frame.Continues);
                if (!loop.ConditionIsTop && loop.Condition is { } bottom && end is not null)
                {
                    end = Value(bottom, end);
                    exit = Join(exit, ExitsOn(bottom, end, loop.ConditionIsUntil) ? end.Clone() : null);
                    end = EntersOn(bottom, loop.ConditionIsUntil) ? end : null;
                }

                exit = Join(exit, frame.Breaks);
                iteration = end;
                if (frame.ConvergesAt(entryOfPass, end, _witnesses))
                    break;
            }

            return Leave(frame, exit);
        }

        private FlowState? ForLoop(IForLoopOperation loop, FlowState state)
        {
            FlowState? current = state;
            foreach (var before in loop.Before)
                current = current is null ? null : Statement(before, current);
            if (current is null)
                return null;

            var frame = Enter(loop);
            FlowState? exit = null;
            FlowState? iteration = current;
            for (var pass = 0; pass < 2 && iteration is not null; pass++)
            {
                frame.Start(pass);
                var entryOfPass = pass == 0 ? iteration.Clone() : null;
                var bodyEntry = iteration;
                if (loop.Condition is { } condition)
                {
                    bodyEntry = Value(condition, iteration);
                    exit = Join(exit, ExitsOn(condition, bodyEntry, until: false) ? bodyEntry.Clone() : null);
                    if (!EntersOn(condition, until: false))
                        bodyEntry = null;
                }

                var end = Join(bodyEntry is null ? null : Statement(loop.Body, bodyEntry), frame.Continues);
                foreach (var bottom in loop.AtLoopBottom)
                    end = end is null ? null : Statement(bottom, end);
                exit = Join(exit, frame.Breaks);
                iteration = end;
                if (frame.ConvergesAt(entryOfPass, end, _witnesses))
                    break;
            }

            return Leave(frame, exit);
        }

        private FlowState? ForEachLoop(IForEachLoopOperation loop, FlowState state)
        {
            var afterCollection = Value(loop.Collection, state);
            if (_symbols.IsConnection(loop.LoopControlVariable.Type) || loop.LoopControlVariable is not IVariableDeclaratorOperation and not ILocalReferenceOperation)
                return GiveUp();

            var frame = Enter(loop);
            var exit = afterCollection.Clone();
            FlowState? iteration = afterCollection;
            for (var pass = 0; pass < 2 && iteration is not null; pass++)
            {
                frame.Start(pass);
                var entryOfPass = pass == 0 ? iteration.Clone() : null;
                var end = Join(Statement(loop.Body, iteration.Clone()), frame.Continues);
                exit = Join(exit, frame.Breaks);
                exit = Join(exit, end?.Clone());
                iteration = end;
                if (frame.ConvergesAt(entryOfPass, end, _witnesses))
                    break;
            }

            return Leave(frame, exit);
        }

        private static bool ExitsOn(IOperation condition, FlowState state, bool until)
            => condition.ConstantValue is not { HasValue: true, Value: bool constant } || constant == until;

        private static bool EntersOn(IOperation condition, bool until)
            => condition.ConstantValue is not { HasValue: true, Value: bool constant } || constant != until;

        private LoopWalk Enter(ILoopOperation loop)
        {
            var frame = new LoopWalk(loop, _opaqueFinallyDepth);
            _loops.Add(frame);
            return frame;
        }

        private FlowState? Leave(LoopWalk frame, FlowState? exit)
        {
            _loops.RemoveAt(_loops.Count - 1);
            // The loop's second pass needs a way around it; without one, the graph may still have
            // one this walk missed (a path it dropped), so the commands in it are not proven.
            if (!frame.CameAround)
                frame.MarkUnproven(_witnesses);
            return exit;
        }

        private FlowState? Branch(IBranchOperation branch, FlowState state)
        {
            // A break or continue leaves the switch or loop it belongs to; through a finally block that
            // may change a connection, the graph analysis knows nothing of any connection after it.
            for (var index = _loops.Count - 1; index >= 0; index--)
            {
                var frame = _loops[index];
                if (!frame.Targets(branch.Target))
                    continue;
                var leaving = _opaqueFinallyDepth > frame.OpaqueFinallyDepth ? FlowState.AllEscaped(_variables) : state;
                if (branch.BranchKind == BranchKind.Break)
                    frame.Breaks = Join(frame.Breaks, leaving);
                else if (branch.BranchKind == BranchKind.Continue)
                    frame.Continues = Join(frame.Continues, leaving);
                else
                    return GiveUp();
                return null;
            }

            return GiveUp();
        }

        private FlowState? Switch(ISwitchOperation switchOperation, FlowState state)
        {
            var afterValue = Value(switchOperation.Value, state);
            var frame = new LoopWalk(switchOperation, _opaqueFinallyDepth);
            _loops.Add(frame);
            FlowState? exit = null;
            // Each section entered from the value (a path with no matching section is left out:
            // dropping a path keeps the proof sound).
            foreach (var section in switchOperation.Cases)
            {
                var entry = afterValue.Clone();
                foreach (var clause in section.Clauses)
                {
                    if (clause is IPatternCaseClauseOperation { Guard: { } guard })
                        entry = Value(guard, entry);
                }

                FlowState? current = entry;
                foreach (var statement in section.Body)
                    current = current is null ? null : Statement(statement, current);
                exit = Join(exit, current);
            }

            _loops.RemoveAt(_loops.Count - 1);
            return Join(exit, frame.Breaks);
        }

        private FlowState? Try(ITryOperation tryOperation, FlowState state)
        {
            var opaqueFinally = tryOperation.Finally is { } finallyBlock && !IsTransparent(finallyBlock);
            if (opaqueFinally)
                _opaqueFinallyDepth++;
            var entry = state.Clone();
            var completed = Statement(tryOperation.Body, state);
            // An exception at the try block's first operation reaches each handler with the state at its entry.
            foreach (var handler in tryOperation.Catches)
            {
                var handlerState = entry.Clone();
                if (handler.Filter is { } filter)
                    handlerState = Value(filter, handlerState);
                completed = Join(completed, Statement(handler.Handler, handlerState));
            }

            if (opaqueFinally)
                _opaqueFinallyDepth--;
            if (tryOperation.Finally is not { } finallyOperation)
                return completed;

            // The finally block runs from the state any exit leaves with; what follows sees the state
            // the try left with when the block changes no connection, and nothing known otherwise.
            Statement(finallyOperation, Join(entry, completed?.Clone())!);
            return completed is null ? null : opaqueFinally ? FlowState.AllEscaped(_variables) : completed;
        }

        /// <summary>
        /// A finally block that cannot change any connection, decided as the graph analysis decides
        /// it: no lambda, no connection assigned, no call other than Dispose that is a command, a
        /// local function, or takes a connection.
        /// </summary>
        private bool IsTransparent(IBlockOperation finallyBlock)
        {
            // The prescan is over: its stack is free (and empty).
            var pending = _pending;
            pending.Push(finallyBlock);
            while (pending.Count > 0)
            {
                var operation = pending.Pop();
                switch (operation)
                {
                    case IAnonymousFunctionOperation:
                        pending.Clear();
                        return false;
                    case ILocalFunctionOperation:
                        continue;   // its body is a graph of its own
                    case ISimpleAssignmentOperation assignment when _symbols.IsConnection(assignment.Target.Type):
                    case IVariableDeclaratorOperation declarator when _symbols.IsConnection(declarator.Symbol.Type) && declarator.GetVariableInitializer() is not null:
                        pending.Clear();
                        return false;
                    case IInvocationOperation invocation when EscapeFacts.MayChangeConnectionInFinally(invocation, _symbols):
                        pending.Clear();
                        return false;
                }

                foreach (var child in operation.ChildOperations)
                    pending.Push(child);
            }

            return true;
        }
    }
}
