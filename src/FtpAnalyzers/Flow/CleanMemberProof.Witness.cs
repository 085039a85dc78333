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
