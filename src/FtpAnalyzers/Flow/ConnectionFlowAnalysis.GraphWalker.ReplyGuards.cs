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
    // Reply guards: branch conditions that test a command's reply, and the state on the side where the command was refused.
    private sealed partial class GraphWalker
    {
        /// <summary>
        /// <paramref name="state"/> as it is on <paramref name="branch"/>: where the branch condition
        /// rules out the reply that arms the command it tests, that command armed nothing.
        /// </summary>
        private FlowState WithRefusalOn(BasicBlock source, ControlFlowBranch branch, FlowState state)
        {
            if (_guards[source.Ordinal] is not { } guarded)
                return state;
            var conditionValue = (branch == source.ConditionalSuccessor) == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
            if (!guarded.Guard.Excludes(guarded.ArmingCode, conditionValue)
                || ObjectOf(_effects[guarded.CommandEffect].Source, state) is not { } connectionObject
                || connectionObject == FlowState.EscapedObject)
                return state;
            var refined = state.Clone();
            refined.SetFacts(connectionObject, FtpVerbs.AfterRefusal(guarded.Verb, state.FactsOf(connectionObject)));
            return refined;
        }

        private GuardedCommand?[] FindGuards()
        {
            var guards = new GuardedCommand?[_blocks.Length];
            foreach (var block in _blocks)
            {
                if (block.ConditionKind != ControlFlowConditionKind.None && block.BranchValue is { } condition && ReplyGuard.Of(condition) is { } guard)
                    guards[block.Ordinal] = GuardedCommandOf(block, guard);
            }

            return guards;
        }

        /// <summary>
        /// The command whose reply <paramref name="guard"/> tests: the call in the condition itself, or
        /// the one whose reply (or its code) a local or a capture took before it, in this block or the
        /// blocks leading straight to it. Only when nothing that may change a connection happens
        /// between the command and the test: otherwise the test says nothing about the state now.
        /// </summary>
        private GuardedCommand? GuardedCommandOf(BasicBlock branchBlock, ReplyGuard guard)
        {
            const int MaxBlocksBack = 32;
            var target = guard.Reply;
            var block = branchBlock;
            var roots = OperationsOf(block).ToArray();
            var index = roots.Length - 1;
            for (var steps = 0; steps < MaxBlocksBack;)
            {
                if (index < 0)
                {
                    // Not in this block: only a block with a single way in, laid out before it, is followed.
                    if (block.Predecessors.Length != 1 || block.Predecessors[0].Source.Ordinal >= block.Ordinal)
                        return null;
                    block = block.Predecessors[0].Source;
                    roots = OperationsOf(block).ToArray();
                    index = roots.Length - 1;
                    steps++;
                    continue;
                }

                var root = roots[index];
                switch (target)
                {
                    case IInvocationOperation invocation when IsWithin(invocation, root):
                        return GuardedCommandAt(invocation, block, branchBlock, guard);
                    case IFlowCaptureReferenceOperation reference when root is IFlowCaptureOperation capture && capture.Id.Equals(reference.Id):
                        target = ReplyOf(capture.Value);
                        continue;     // the value is inside this same root
                    case ILocalReferenceOperation reference when root is ISimpleAssignmentOperation { Target: ILocalReferenceOperation assigned } assignment
                                                                 && SymbolEqualityComparer.Default.Equals(assigned.Local, reference.Local):
                        target = ReplyOf(assignment.Value);
                        continue;
                }

                index--;
            }

            return null;
        }

        /// <summary>The command <paramref name="invocation"/> sends in <paramref name="block"/>, when nothing after it up to the end of <paramref name="branchBlock"/> may change a connection.</summary>
        private GuardedCommand? GuardedCommandAt(IInvocationOperation invocation, BasicBlock block, BasicBlock branchBlock, ReplyGuard guard)
        {
            var command = -1;
            for (var index = _firstEffectOfBlock[block.Ordinal]; index < _firstEffectOfBlock[block.Ordinal + 1]; index++)
            {
                if (_effects[index].Kind == EffectKind.Command && _effects[index].Operation == invocation)
                    command = index;
            }

            if (command < 0 || _effects[command].Call is not { Verbs: { Length: 1 } verbs } || verbs[0] is not { } verb
                || FtpVerbs.ArmingReplyCode(verb) is not { } armingCode)
                return null;

            // The blocks from the command's to the branch's are a chain of single predecessors: their effects are contiguous in between.
            var connectionVariable = _effects[command].Source.Variable;
            for (var index = command + 1; index < _firstEffectOfBlock[branchBlock.Ordinal + 1]; index++)
            {
                var effect = _effects[index];
                if (effect.Kind is not (EffectKind.Capture or EffectKind.Assignment) || (connectionVariable >= 0 && effect.Variable == connectionVariable))
                    return null;
            }

            return new GuardedCommand(command, verb, armingCode, guard);
        }

        /// <summary>What a value holding a reply or its code was taken from: <c>x.Code</c> gives <c>x</c>.</summary>
        private static IOperation ReplyOf(IOperation value)
        {
            value = ReplyGuard.Unwrap(value);
            return value is IPropertyReferenceOperation { Property.Name: "Code", Instance: { } reply } ? ReplyGuard.Unwrap(reply) : value;
        }

        private static bool IsWithin(IOperation operation, IOperation root)
        {
            for (var current = operation; current is not null; current = current.Parent)
            {
                if (current == root)
                    return true;
            }

            return false;
        }

        /// <summary>A command whose reply a block's branch condition tests.</summary>
        private sealed class GuardedCommand
        {
            public GuardedCommand(int commandEffect, string verb, int armingCode, ReplyGuard guard)
            {
                CommandEffect = commandEffect;
                Verb = verb;
                ArmingCode = armingCode;
                Guard = guard;
            }

            /// <summary>The command's index in the effects of the graph.</summary>
            public int CommandEffect { get; }

            public string Verb { get; }

            /// <summary>The reply that arms what the command sets up (<see cref="FtpVerbs.ArmingReplyCode"/>).</summary>
            public int ArmingCode { get; }

            public ReplyGuard Guard { get; }
        }
    }
}
