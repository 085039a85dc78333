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
    // Effects: what each operation may do to a connection, found once per graph before the solver runs.
    private sealed partial class GraphWalker
    {
        /// <summary>
        /// Finds each block's effects, opaque finally blocks and nested graphs; false when the graph
        /// has code that does not bind.
        /// </summary>
        private bool Prescan()
        {
            // Taken from the thread while in use: finding a helper's summary prescans another graph on this thread.
            var pending = t_pending ?? new Stack<(IOperation Operation, bool ChildrenDone)>();
            var effects = t_effects ?? new List<Effect>();
            t_pending = null;
            t_effects = null;
            try
            {
                return Prescan(pending, effects);
            }
            finally
            {
                pending.Clear();
                effects.Clear();
                t_pending = pending;
                t_effects = effects;
            }
        }

        private bool Prescan(Stack<(IOperation Operation, bool ChildrenDone)> pending, List<Effect> effects)
        {
            foreach (var block in _blocks)
            {
                _firstEffectOfBlock[block.Ordinal] = effects.Count;
                foreach (var root in OperationsOf(block))
                {
                    // Children first: the order the operations are evaluated in.
                    pending.Push((root, false));
                    while (pending.Count > 0)
                    {
                        var (operation, childrenDone) = pending.Pop();
                        if (childrenDone)
                        {
                            if (EffectOf(operation) is { } effect)
                                effects.Add(effect);
                            continue;
                        }

                        if (operation is IInvalidOperation)
                        {
                            pending.Clear();
                            effects.Clear();
                            return false;
                        }
                        pending.Push((operation, true));
                        if (operation is IFlowAnonymousFunctionOperation anonymous)
                        {
                            NestedGraphs.Add(_graph.GetAnonymousFunctionControlFlowGraph(anonymous, _cancellationToken));
                            continue;
                        }

                        foreach (var child in operation.ChildOperations.Reverse())
                            pending.Push((child, false));
                    }
                }
            }

            _firstEffectOfBlock[_blocks.Length] = effects.Count;
            _effects = effects.ToArray();
            effects.Clear();
            _guards = FindGuards();

            _observations = new CommandObservation?[_commandCount];
            foreach (var localFunction in _graph.LocalFunctions)
                NestedGraphs.Add(_graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken));
            MarkRegions(_graph.Root);
            return true;
        }

        private static IEnumerable<IOperation> OperationsOf(BasicBlock block)
            => block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);

        /// <summary>
        /// What <paramref name="operation"/> may do to the state, decided once per graph (numbering
        /// the variables and sites it involves): most operations do nothing to any connection, and
        /// the visits of a block only apply the rest.
        /// </summary>
        private Effect? EffectOf(IOperation operation)
        {
            // Most operations (literals, arguments, arithmetic…) have none: rule them out on their kind, which is cheap.
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                case OperationKind.SimpleAssignment:
                case OperationKind.FlowCapture:
                case OperationKind.FlowAnonymousFunction:
                case OperationKind.MethodReference:
                case OperationKind.DeclarationPattern:
                case OperationKind.RecursivePattern:
                case OperationKind.InstanceReference:
                case OperationKind.FlowCaptureReference:
                case OperationKind.LocalReference:
                case OperationKind.ParameterReference:
                case OperationKind.FieldReference:
                case OperationKind.PropertyReference:
                    break;
                default:
                    return null;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (_symbols.IsConnect(method))
                        return new Effect(EffectKind.Connect, operation, site: _variables.SiteOfConnect(invocation), connected: ConnectEncryption.FactsAfter(invocation, _graph.OriginalOperation.SemanticModel, _symbols));
                    if (_symbols.GetCommand(invocation) is { } call)
                        return new Effect(EffectKind.Command, operation, source: SourceOf(call.Connection), call: call, commandIndex: _commandCount++);
                    if (HelperCallOf(invocation) is { } helper)
                        return new Effect(EffectKind.HelperCall, operation, source: helper.Parameter >= 0 ? SourceOf(helper.Call.Connection) : ObjectSource.None, call: helper.Call, commandIndex: _commandCount++, helper: helper);
                    // A method of this object may use the connections held in its fields; any method of
                    // this compilation (a local function too) may use those held in static fields.
                    if (method.MethodKind == MethodKind.LocalFunction)
                        return new Effect(EffectKind.LocalFunctionCall, operation);
                    if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                        return new Effect(EffectKind.ThisEscapes, operation);
                    return EscapeFacts.IsInSource(method) ? new Effect(EffectKind.StaticFieldsEscape, operation) : null;
                case ISimpleAssignmentOperation assignment:
                    return VariableOf(assignment.Target) is ISymbol target
                        ? new Effect(EffectKind.Assignment, operation, _variables.Number(target), _variables.NewSite(), SourceOf(assignment.Value))
                        : null;
                case IFlowCaptureOperation capture:
                    return new Effect(EffectKind.Capture, operation, _variables.Number(capture.Id), _variables.NewSite(), SourceOf(capture.Value));
                case IFlowAnonymousFunctionOperation:
                    return new Effect(EffectKind.AnonymousFunction, operation);
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction }:
                    return new Effect(EffectKind.LocalFunctionReference, operation);
                case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } when _symbols.IsConnection(local.Type):
                    return new Effect(EffectKind.PatternDeclaration, operation, _variables.Number(local), _variables.NewSite());
                case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } when _symbols.IsConnection(local.Type):
                    return new Effect(EffectKind.PatternDeclaration, operation, _variables.Number(local), _variables.NewSite());
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance:
                    return IsSafeUse(instance) ? null : new Effect(EffectKind.ThisEscapes, operation);
            }

            return VariableOf(operation) is { } variable && !IsSafeUse(operation)
                ? new Effect(EffectKind.VariableEscapes, operation, _variables.Number(variable))
                : null;
        }

        /// <summary>Where the connection an expression evaluates to comes from: a variable, a Connect call, or nowhere tracked.</summary>
        private ObjectSource SourceOf(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        continue;
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } awaitable }:
                        operation = awaitable;
                        continue;
                }

                break;
            }

            if (operation is IInvocationOperation invocation && _symbols.IsConnect(invocation.TargetMethod))
                return ObjectSource.FromSite(_variables.SiteOfConnect(invocation));
            return operation is not null && VariableOf(operation) is { } variable
                ? ObjectSource.FromVariable(_variables.Number(variable))
                : ObjectSource.None;
        }

        // Scratch space of Prescan, kept per thread: the analysis runs for every member, and
        // allocating these each time was a large part of its cost.
        [ThreadStatic]
        private static Stack<(IOperation Operation, bool ChildrenDone)>? t_pending;

        [ThreadStatic]
        private static List<Effect>? t_effects;

        private enum EffectKind
        {
            Connect,
            Command,
            HelperCall,
            LocalFunctionCall,
            Assignment,
            Capture,
            AnonymousFunction,
            LocalFunctionReference,
            PatternDeclaration,
            ThisEscapes,
            StaticFieldsEscape,
            VariableEscapes,
        }

        /// <summary>An operation that may change the state, with the numbers of what it involves.</summary>
        private readonly struct Effect
        {
            public Effect(EffectKind kind, IOperation operation, int variable = -1, int site = -1, ObjectSource source = default, FtpCommandCall? call = null, int commandIndex = -1, HelperCall? helper = null, ConnectionFacts connected = default)
            {
                Connected = connected;
                Helper = helper;
                Kind = kind;
                Operation = operation;
                Variable = variable;
                Site = site;
                Source = source;
                Call = call;
                CommandIndex = commandIndex;
            }

            public EffectKind Kind { get; }

            /// <summary>For a connect: the state the connection starts in (<see cref="ConnectEncryption"/>: in TLS or not).</summary>
            public ConnectionFacts Connected { get; }

            public IOperation Operation { get; }

            /// <summary>The variable assigned, captured, declared or escaping; -1 when none.</summary>
            public int Variable { get; }

            /// <summary>Where a new connection object is created (a Connect call, or an unknown value assigned); -1 when none.</summary>
            public int Site { get; }

            /// <summary>Where the connection assigned, captured or commanded comes from.</summary>
            public ObjectSource Source { get; }

            public FtpCommandCall? Call { get; }

            /// <summary>For a command: its number in this graph, in block order then evaluation order.</summary>
            public int CommandIndex { get; }

            /// <summary>For a helper call: the helper and its summary entered knowing nothing.</summary>
            public HelperCall? Helper { get; }
        }

        /// <summary>A variable's number, or a Connect call's site number, or neither (default).</summary>
        private readonly struct ObjectSource
        {
            private readonly int _variablePlusOne;
            private readonly int _sitePlusOne;

            private ObjectSource(int variablePlusOne, int sitePlusOne)
            {
                _variablePlusOne = variablePlusOne;
                _sitePlusOne = sitePlusOne;
            }

            public static ObjectSource None => default;

            public int Variable => _variablePlusOne - 1;

            public int Site => _sitePlusOne - 1;

            public static ObjectSource FromVariable(int variable) => new(variable + 1, 0);

            public static ObjectSource FromSite(int site) => new(0, site + 1);
        }
    }
}
