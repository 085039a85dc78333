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
    // Escapes and aliases: which variable an operation reads, which reads cannot hand the connection to unseen code, and what lambdas and local functions may capture.
    private sealed partial class GraphWalker
    {
        /// <summary>
        /// The variable an operation reads: a local, a parameter, a field or auto-property of this
        /// object (or static) holding a connection, or a flow capture.
        /// </summary>
        private object? VariableOf(IOperation operation)
            => operation is IFlowCaptureReferenceOperation capture ? capture.Id : _symbols.ConnectionVariable(operation);

        /// <summary>
        /// True when this read of a connection (or of this object) cannot hand it to code the
        /// analysis does not see: a command, Dispose, a property read, a copy into a local or a
        /// parameter, a null or type test. Anything else (an argument, a field, a collection, a
        /// tuple, a return) is an escape.
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
                case IFlowCaptureOperation:
                case IIsNullOperation:
                case IIsTypeOperation:
                case IIsPatternOperation:
                case IAwaitOperation:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    return true;
                case IInvocationOperation invocation when invocation.Instance == child:
                    // This as the receiver of a helper the analysis follows into: its fields are the helper's entry.
                    return reference is not IInstanceReferenceOperation
                        ? _symbols.GetCommand(invocation) is not null
                          || invocation.TargetMethod.Name is "Dispose" or "DisposeAsync" or "ConfigureAwait" or "ToString" or "GetHashCode" or "GetType" or "Equals"
                        : HelperCallOf(invocation) is { OnThis: true };
                case IArgumentOperation { Parent: IInvocationOperation invocation } argument
                    when argument.Value == child && HelperCallOf(invocation) is { } helper && helper.Call.Connection == child:
                    return true;
                case IArgumentOperation { Parameter: { Ordinal: 0, RefKind: RefKind.None }, Parent: IInvocationOperation invocation } argument:
                    return argument.Value == child && _symbols.GetCommand(invocation) is { } call && call.Connection == child;
                case IPropertyReferenceOperation property when property.Instance == child:
                case IFieldReferenceOperation field when field.Instance == child:
                    return true;
                case ISimpleAssignmentOperation assignment:
                    // A copy into a local is an alias; a copy into a field is a connection other code can reach.
                    return assignment.Target == child
                        || (assignment.Value == child && VariableOf(assignment.Target) is ILocalSymbol or IParameterSymbol);
                default:
                    return false;
            }
        }

        private void PinCapturedBy(IMethodSymbol localFunction, FlowState state)
        {
            foreach (var reference in localFunction.DeclaringSyntaxReferences)
                state.Pin(CapturedNames(reference.GetSyntax(_cancellationToken)));
        }

        /// <summary>Every identifier used in a lambda or local function: a superset of the variables it captures.</summary>
        private IReadOnlyCollection<string> CapturedNames(SyntaxNode function)
        {
            if (!_capturedNames.TryGetValue(function, out var names))
            {
                names = EscapeFacts.NamesUsedIn(function);
                _capturedNames[function] = names;
            }

            return names;
        }
    }
}
