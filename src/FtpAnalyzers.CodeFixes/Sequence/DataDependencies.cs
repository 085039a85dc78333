using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>
/// Whether statements of one list can trade places without changing what they compute: neither
/// side reads or writes a local or parameter the other writes, and the statements that move
/// neither leave the list (return, break, goto…), nor declare a using variable or a label.
/// </summary>
internal static class DataDependencies
{
    /// <summary>True when <paramref name="moved"/> can be put before or after <paramref name="others"/>.</summary>
    public static bool CanSwap(SemanticModel model, IReadOnlyCollection<StatementSyntax> moved, IReadOnlyCollection<StatementSyntax> others)
    {
        if (!moved.All(s => IsMovable(model, s)))
            return false;
        var movedFlow = Flow.Of(model, moved);
        var otherFlow = Flow.Of(model, others);
        return !movedFlow.Reads(otherFlow) && !otherFlow.Reads(movedFlow) && !movedFlow.WritesWhatIsWrittenBy(otherFlow);
    }

    /// <summary>True when <paramref name="reader"/> reads a variable that <paramref name="writers"/> write.</summary>
    public static bool Reads(SemanticModel model, StatementSyntax reader, IReadOnlyCollection<StatementSyntax> writers)
        => Flow.Of(model, new[] { reader }).Reads(Flow.Of(model, writers));

    private static bool IsMovable(SemanticModel model, StatementSyntax statement)
    {
        if (statement is LabeledStatementSyntax or LocalFunctionStatementSyntax
            || statement is LocalDeclarationStatementSyntax declaration && (!declaration.UsingKeyword.IsKind(SyntaxKind.None) || declaration.IsConst))
            return false;
        if (statement.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .Any(n => n is ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax or YieldStatementSyntax or LabeledStatementSyntax))
            return false;
        var control = model.AnalyzeControlFlow(statement);
        return control is { Succeeded: true, EndPointIsReachable: true };
    }

    /// <summary>The locals and parameters some statements read and write; unknown when the analysis failed.</summary>
    private sealed class Flow
    {
        private readonly HashSet<ISymbol> _reads = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _writes = new(SymbolEqualityComparer.Default);
        private bool _unknown;

        public static Flow Of(SemanticModel model, IEnumerable<StatementSyntax> statements)
        {
            var result = new Flow();
            foreach (var statement in statements)
            {
                var flow = model.AnalyzeDataFlow(statement);
                if (flow is null || !flow.Succeeded)
                {
                    result._unknown = true;
                    continue;
                }

                result._reads.UnionWith(flow.ReadInside);
                result._writes.UnionWith(flow.WrittenInside);
                result._writes.UnionWith(flow.VariablesDeclared);
            }

            return result;
        }

        public bool Reads(Flow writer) => _unknown || writer._unknown || _reads.Overlaps(writer._writes);

        public bool WritesWhatIsWrittenBy(Flow other) => _unknown || other._unknown || _writes.Overlaps(other._writes);
    }
}
