using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Flow;

/// <summary>
/// Proves, without building a control-flow graph, that the sequence rules have nothing to report
/// in a member: most members that send FTP commands send them correctly, and Roslyn's graph costs
/// more than binding the member did. The proof walks the member's operations in evaluation order
/// over a subset of the paths of its control-flow graph (both arms of a branch, a loop skipped, run
/// once and run twice, a try block completing or failing at its start), applying the effects
/// <see cref="ConnectionFlowAnalysis"/> applies, with the same <see cref="FlowState"/> and
/// <see cref="FtpVerbs"/> transitions. Joining fewer paths can only make the facts before a
/// command more certain, and every rule asks for certainty (<c>Certainly…</c>), so a command that
/// no rule flags here is flagged by none on the graph either: "clean" here means clean there.
/// Anything the walk does not model exactly as the graph analysis does (a goto, a reply test that
/// may refine the state, a helper call, a connection flowing through <c>?:</c>, <c>??</c> or
/// <c>?.</c>, a pattern declaring a connection…) ends the proof, and the graph decides.
/// <c>CleanMemberProofTests</c> checks the claim over the test corpora by running both.
/// </summary>
internal static class CleanMemberProof
{
    /// <summary>Operation visits allowed per operation of a function: a loop is walked twice, so nested loops multiply.</summary>
    public const int VisitsPerOperation = 8;

    /// <summary>
    /// True when no sequence mistake (<paramref name="isMistake"/>: any rule's test of a verb in a
    /// state) can be reported in <paramref name="root"/>, its lambdas or its local functions; false
    /// when that is not proven (a mistake, or code the proof does not model).
    /// </summary>
    public static bool Holds(IOperation root, FtpSymbols symbols, Func<string, ConnectionFacts, bool> isMistake, CancellationToken cancellationToken)
    {
        // The graph analysis walks each lambda and local function as a graph of its own, starting
        // with nothing known; so does the proof. It gives up beyond the graph analysis's own limit.
        // Taken from the thread while in use (the walks of one member run one after the other).
        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        try
        {
            var functions = scratch.Functions;
            functions.Add(root);
            for (var index = 0; index < functions.Count; index++)
            {
                scratch.ClearWalk();
                if (index > ConnectionFlowAnalysis.MaxNestedGraphs
                    || !new Walker(symbols, isMistake, scratch, cancellationToken).Proves(functions[index], functions))
                    return false;
            }

            return true;
        }
        finally
        {
            scratch.ClearWalk();
            scratch.Functions.Clear();
            t_scratch = scratch;
        }
    }

    // The collections of a walk, kept per thread: this runs for every member that sends a
    // command, and allocating them each time was most of its cost (measured with dotnet-trace).
    [ThreadStatic]
    private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public List<IOperation> Functions { get; } = new();

        public Stack<IOperation> Pending { get; } = new();

        public HashSet<IOperation> Relevant { get; } = new();

        public Dictionary<IInvocationOperation, FtpCommandCall?> Commands { get; } = new();

        public Dictionary<IInvocationOperation, Witness> Witnesses { get; } = new();

        public List<LoopWalk> Loops { get; } = new();

        public void ClearWalk()
        {
            Pending.Clear();
            Relevant.Clear();
            Commands.Clear();
            Witnesses.Clear();
            Loops.Clear();
        }
    }

    /// <summary>One function's walk. Used once.</summary>
    private sealed class Walker
    {
        private readonly FtpSymbols _symbols;
        private readonly Func<string, ConnectionFacts, bool> _isMistake;
        private readonly CancellationToken _cancellationToken;
        private readonly FlowVariables _variables = new();
        private readonly Dictionary<IInvocationOperation, Witness> _witnesses;
        private readonly List<LoopWalk> _loops;
        private readonly Stack<IOperation> _pending;
        private static readonly HashSet<string> NoNames = new();
        // The operations whose subtree holds an effect, a command, or a way out of the path; the walk skips the rest.
        private readonly HashSet<IOperation> _relevant;
        private readonly Dictionary<IInvocationOperation, FtpCommandCall?> _commands;
        private Dictionary<SyntaxNode, IReadOnlyCollection<string>>? _capturedNames;
        private ConnectionFacts[] _before = Array.Empty<ConnectionFacts>();
        private int _budget;
        private bool _givenUp;
        // How many try blocks with a finally block that may change a connection enclose the operation walked.
        private int _opaqueFinallyDepth;

        public Walker(FtpSymbols symbols, Func<string, ConnectionFacts, bool> isMistake, Scratch scratch, CancellationToken cancellationToken)
        {
            _witnesses = scratch.Witnesses;
            _loops = scratch.Loops;
            _pending = scratch.Pending;
            _relevant = scratch.Relevant;
            _commands = scratch.Commands;
            _symbols = symbols;
            _isMistake = isMistake;
            _cancellationToken = cancellationToken;
        }

        /// <summary>True when no command of <paramref name="function"/> is a mistake; adds its lambdas and local functions to <paramref name="nested"/>.</summary>
        public bool Proves(IOperation function, List<IOperation> nested)
        {
            if (!Prescan(function, nested, out var operations))
                return false;

            _budget = VisitsPerOperation * operations + 64;
            Statement(function, FlowState.Entry(_variables));
            if (_givenUp)
                return false;

            foreach (var witness in _witnesses.Values)
            {
                if (!witness.IsClean(_isMistake))
                    return false;
            }

            return true;
        }

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
               || IsInSource(invocation.TargetMethod);

        /// <summary>
        /// False for a call the graph analysis treats in a way the walk does not follow: a helper
        /// that receives the connection (summaries), and a command whose reply may be tested by a
        /// branch (a refused USER, RNFR or PASV arms nothing on that branch).
        /// </summary>
        private bool IsModelledCall(IInvocationOperation invocation, out FtpCommandCall? command)
        {
            command = null;
            if (_symbols.Helpers.HelperCallOf(invocation) is not null)
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

        // Statements ---------------------------------------------------------------------------

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
                    case IInvocationOperation invocation when invocation.TargetMethod.Name is not ("Dispose" or "DisposeAsync"):
                        if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction
                            || _symbols.GetCommand(invocation) is not null
                            || _symbols.IsConnection(invocation.Instance?.Type))
                        {
                            pending.Clear();
                            return false;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            if (_symbols.IsConnection(argument.Value.Type))
                            {
                                pending.Clear();
                                return false;
                            }
                        }

                        break;
                }

                foreach (var child in operation.ChildOperations)
                    pending.Push(child);
            }

            return true;
        }

        // Expressions --------------------------------------------------------------------------

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
                    else if (IsInSource(method))
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
            HashSet<string>? names = null;
            foreach (var node in function.DescendantNodes())
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier)
                    (names ??= new HashSet<string>()).Add(identifier.Identifier.ValueText);
            }

            return _capturedNames[function] = (IReadOnlyCollection<string>?)names ?? NoNames;
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

    /// <summary>A loop (or switch, for its breaks) being walked: where its breaks and continues go, and which pass this is.</summary>
    private sealed class LoopWalk
    {
        private readonly IOperation _operation;

        public LoopWalk(IOperation operation, int opaqueFinallyDepth)
        {
            _operation = operation;
            OpaqueFinallyDepth = opaqueFinallyDepth;
        }

        public ILoopOperation? Loop => _operation as ILoopOperation;

        public int OpaqueFinallyDepth { get; }

        public FlowState? Breaks { get; set; }

        public FlowState? Continues { get; set; }

        /// <summary>True during the second pass of a loop's body: the paths of the graph analysis's "later iterations".</summary>
        public bool IsLaterIteration { get; private set; }

        /// <summary>True once a second pass started: some path came around.</summary>
        public bool CameAround { get; private set; }

        public void Start(int pass)
        {
            IsLaterIteration = pass > 0;
            CameAround |= pass > 0;
            Continues = null;
        }

        public bool Targets(ILabelSymbol target)
            => _operation is ILoopOperation loop ? SymbolEqualityComparer.Default.Equals(loop.ExitLabel, target) || SymbolEqualityComparer.Default.Equals(loop.ContinueLabel, target)
                : _operation is ISwitchOperation switchOperation && SymbolEqualityComparer.Default.Equals(switchOperation.ExitLabel, target);

        /// <summary>
        /// True when the first pass came around with the state it started from: a second pass would
        /// see exactly what the first saw, so what the first saw is the second's witness too.
        /// </summary>
        public bool ConvergesAt(FlowState? entryOfFirstPass, FlowState? backEdge, Dictionary<IInvocationOperation, Witness> witnesses)
        {
            if (entryOfFirstPass is null || backEdge is null || !backEdge.SameAs(entryOfFirstPass))
                return false;
            CameAround = true;
            foreach (var witness in witnesses.Values)
                witness.LaterIterationsAsSeen(this);
            return true;
        }

        /// <summary>The commands of this loop have no later-iterations witness: none of them is proven.</summary>
        public void MarkUnproven(Dictionary<IInvocationOperation, Witness> witnesses)
        {
            foreach (var witness in witnesses.Values)
                witness.LoseLaterIterations(this);
        }
    }

    /// <summary>What the walk saw before one command: joined over every visit, and per enclosing loop over its second passes.</summary>
    private sealed class Witness
    {
        // Never added to: a witness outside every loop has no enclosing loop to add.
        private static readonly List<KeyValuePair<LoopWalk, ConnectionFacts[]?>> NoLoops = new(0);

        private readonly ImmutableArray<string?> _verbs;
        private readonly ConnectionFacts[] _before;
        // Per enclosing loop (in this command's first walk): the facts seen on its second passes, null until one is.
        private readonly List<KeyValuePair<LoopWalk, ConnectionFacts[]?>> _laterIterations;
        private bool _seen;
        private bool _unproven;

        public Witness(ImmutableArray<string?> verbs, List<LoopWalk> enclosing)
        {
            _verbs = verbs;
            _before = new ConnectionFacts[verbs.Length];
            _laterIterations = enclosing.Count == 0 ? NoLoops : new List<KeyValuePair<LoopWalk, ConnectionFacts[]?>>(enclosing.Count);
            foreach (var frame in enclosing)
            {
                if (frame.Loop is not null)
                    _laterIterations.Add(new KeyValuePair<LoopWalk, ConnectionFacts[]?>(frame, null));
            }
        }

        public void Add(ConnectionFacts[] before, List<LoopWalk> enclosing)
        {
            for (var i = 0; i < before.Length; i++)
                _before[i] = _seen ? _before[i].Join(before[i]) : before[i];
            _seen = true;
            for (var index = 0; index < _laterIterations.Count; index++)
            {
                var (frame, later) = (_laterIterations[index].Key, _laterIterations[index].Value);
                if (!frame.IsLaterIteration)
                    continue;
                if (later is null)
                {
                    _laterIterations[index] = new KeyValuePair<LoopWalk, ConnectionFacts[]?>(frame, (ConnectionFacts[])before.Clone());
                    continue;
                }

                for (var i = 0; i < before.Length; i++)
                    later[i] = later[i].Join(before[i]);
            }
        }

        /// <summary>The loop's second pass would repeat its first: its witness is what was seen so far, all of it in that first pass.</summary>
        public void LaterIterationsAsSeen(LoopWalk frame)
        {
            for (var index = 0; index < _laterIterations.Count; index++)
            {
                if (_laterIterations[index].Key == frame && _laterIterations[index].Value is null)
                    _laterIterations[index] = new KeyValuePair<LoopWalk, ConnectionFacts[]?>(frame, (ConnectionFacts[])_before.Clone());
            }
        }

        public void LoseLaterIterations(LoopWalk frame)
        {
            foreach (var later in _laterIterations)
                _unproven |= later.Key == frame;
        }

        /// <summary>True when no verb is a mistake in what was seen, on the first pass and on every enclosing loop's second.</summary>
        public bool IsClean(Func<string, ConnectionFacts, bool> isMistake)
        {
            if (_unproven || IsMistake(_before, isMistake))
                return false;
            foreach (var later in _laterIterations)
            {
                if (later.Value is null || IsMistake(later.Value, isMistake))
                    return false;
            }

            return true;
        }

        private bool IsMistake(ConnectionFacts[] before, Func<string, ConnectionFacts, bool> isMistake)
        {
            for (var i = 0; i < _verbs.Length; i++)
            {
                if (_verbs[i] is { } verb && isMistake(verb, before[i]))
                    return true;
            }

            return false;
        }
    }
}
