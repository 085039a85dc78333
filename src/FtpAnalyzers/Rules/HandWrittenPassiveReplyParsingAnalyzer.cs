using System;
using FtpAnalyzers.PassiveReply;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Rules;

/// <summary>
/// FTP0006: a port computed by hand (<c>p1 * 256 + p2</c>, <c>(p1 &lt;&lt; 8) | p2</c>) from the numbers of
/// a 227 reply taken apart by hand. Runs in any C# code: most such parsers talk to a socket and
/// never reference Ftp.Client. Reported once per parse, on its first port computation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandWrittenPassiveReplyParsingAnalyzer : FtpDiagnosticAnalyzer
{
    public HandWrittenPassiveReplyParsingAnalyzer()
        : base(Descriptors.FTP0006_HandWrittenPassiveReplyParsing)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var screen = new SyntaxScreen();
        var helpers = new HelperSummaries();
        context.RegisterCodeBlockAction(c => AnalyzeBlock(c, screen, helpers));
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext context, SyntaxScreen screen, HelperSummaries helpers)
    {
        if (!screen.Admits(context.CodeBlock, SyntaxNeeds.PortArithmetic, context.CancellationToken))
            return;
        var blocks = CodeBlockOperations.Get(context.SemanticModel, context.CodeBlock, context.CancellationToken);
        if (!PassiveReplyCode.HasPortShape(blocks))
            return;
        if (PassiveReplyCode.Create(context.OwningSymbol, blocks, new HelperCalls(helpers, context.SemanticModel, context.CancellationToken)) is not { } code)
            return;

        foreach (var computation in code.FindPortComputations())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.FTP0006_HandWrittenPassiveReplyParsing,
                computation.Operation.Syntax.GetLocation(),
                Assumption(computation)));
        }
    }

    private static string Assumption(PortComputation computation)
    {
        if (computation.Source.FixedOffset)
            return Descriptors.HandWrittenPassiveReplyParsingFixedOffset;
        if (computation.AssumesParentheses)
            return Descriptors.HandWrittenPassiveReplyParsingAssumesParentheses;
        return string.Empty;
    }
}
