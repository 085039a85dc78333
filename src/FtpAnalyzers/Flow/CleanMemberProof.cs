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
/// command more certain, and a rule that flags the graph's wider state could flag this narrower
/// one (<c>SequenceRuleAnalyzer.IsMistake</c>; both properties are checked by
/// <c>SequenceRuleMonotonicityTests</c>), so a command that no rule could flag here is flagged by
/// none on the graph either: "clean" here means clean there.
/// Anything the walk does not model exactly as the graph analysis does (a goto, a reply test that
/// may refine the state, a helper call, a connection flowing through <c>?:</c>, <c>??</c> or
/// <c>?.</c>, a pattern declaring a connection…) ends the proof, and the graph decides.
/// <c>CleanMemberProofTests</c> checks the claim over the test corpora by running both.
/// </summary>
internal static partial class CleanMemberProof
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

    /// <summary>
    /// One function's walk, used once. Its rooms are the partial files beside this one: Prescan,
    /// Statements and Expressions; what it saw before each command is a <see cref="Witness"/>.
    /// </summary>
    private sealed partial class Walker
    {
        private readonly FtpSymbols _symbols;
        private readonly Func<string, ConnectionFacts, bool> _isMistake;
        private readonly CancellationToken _cancellationToken;
        private readonly FlowVariables _variables = new();
        private readonly Dictionary<IInvocationOperation, Witness> _witnesses;
        private readonly List<LoopWalk> _loops;
        private readonly Stack<IOperation> _pending;
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
    }
}
