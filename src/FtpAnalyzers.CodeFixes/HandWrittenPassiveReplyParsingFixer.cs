using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes.PassiveReply;
using FtpAnalyzers.PassiveReply;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.CodeFixes;

/// <summary>
/// FTP0006 fix "Use PassiveEndpoint.Parse(reply)": replaces the hand-written port computation with
/// <c>PassiveEndpoint.Parse(reply).Port</c>, where reply is the whole reply the parse started from,
/// adds <c>using Ftp;</c>, and removes the locals that only fed the computation. Offered only when
/// Ftp.Client is referenced, the reply is a local or parameter assigned once and visible at the
/// computation, and the fixed member binds to Ftp.PassiveEndpoint without new errors.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandWrittenPassiveReplyParsingFixer)), Shared]
public sealed class HandWrittenPassiveReplyParsingFixer : CodeFixProvider
{
    public const string EquivalenceKey = "FTP0006.UsePassiveEndpointParse";

    private const string Title = "Use PassiveEndpoint.Parse(reply)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HandWrittenPassiveReplyParsing);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        try
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await FixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is { } fixedDocument)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(Title, _ => Task.FromResult(fixedDocument), EquivalenceKey),
                        diagnostic);
                }
            }
        }
        catch (System.Exception e) when (e is not System.OperationCanceledException)
        {
            // A fixer must never throw into the IDE; no fix is offered instead.
        }
    }

    private static async Task<Document?> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName("Ftp.PassiveEndpoint") is not { } passiveEndpoint)
            return null;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BinaryExpressionSyntax computationSyntax
            || computationSyntax.Span != diagnostic.Location.SourceSpan)
            return null;
        if (MemberOperations.Analyze(model, computationSyntax, cancellationToken, out var member) is not { } code || member is null)
            return null;
        if (code.Operations.OfType<IBinaryOperation>().FirstOrDefault(o => o.Syntax == computationSyntax) is not { } binary
            || code.TryGetPortComputation(binary) is not { } computation || !code.IsPassiveReplyPort(computation))
            return null;
        if (ReplyArgument(code, computation.Source.ReplyText, model, computationSyntax.SpanStart) is not { } reply)
            return null;

        var replacement = SyntaxFactory.ParseExpression($"PassiveEndpoint.Parse({reply}).Port")
            .WithTriviaFrom(computationSyntax)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var read = computationSyntax.DescendantNodes().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText).ToList();
        var newMember = UnusedLocals.Remove(member.ReplaceNode(computationSyntax, replacement), read);
        var newRoot = root.ReplaceNode(member, newMember);
        if (newRoot is CompilationUnitSyntax unit && !ImportsFtp(unit, member))
            newRoot = AddFtpUsing(unit);

        var fixedDocument = document.WithSyntaxRoot(newRoot);
        return await CompilesAsync(fixedDocument, model, passiveEndpoint, cancellationToken).ConfigureAwait(false) ? fixedDocument : null;
    }

    /// <summary>The reply as source text, if it can be evaluated again at the computation unchanged.</summary>
    private static string? ReplyArgument(PassiveReplyCode code, IOperation? replyText, SemanticModel model, int position)
    {
        ISymbol? symbol = replyText switch
        {
            ILocalReferenceOperation local when code.Locals.IsAssignedOnce(local.Local) => local.Local,
            IParameterReferenceOperation parameter when parameter.Parameter.RefKind == RefKind.None && !IsAssigned(code, parameter.Parameter) => parameter.Parameter,
            _ => null,
        };
        if (symbol is null || replyText is null)
            return null;
        if (replyText.Type is not { } type || type.SpecialType != SpecialType.System_String && !PassiveReplyCode.IsFtpReply(type))
            return null;
        if (!model.LookupSymbols(position, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default))
            return null;
        return SyntaxFacts.GetKeywordKind(symbol.Name) != SyntaxKind.None ? "@" + symbol.Name : symbol.Name;
    }

    private static bool IsAssigned(PassiveReplyCode code, IParameterSymbol parameter)
        => code.Operations.Any(o => o switch
        {
            IAssignmentOperation { Target: IParameterReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Parameter, parameter),
            IIncrementOrDecrementOperation { Target: IParameterReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Parameter, parameter),
            IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Value: IParameterReferenceOperation target } => SymbolEqualityComparer.Default.Equals(target.Parameter, parameter),
            _ => false,
        });

    private static bool ImportsFtp(CompilationUnitSyntax unit, SyntaxNode member)
        => unit.Usings.Any(IsFtpUsing)
        || member.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(IsFtpUsing) || n.Name.ToString() == "Ftp" || n.Name.ToString().StartsWith("Ftp.", System.StringComparison.Ordinal));

    private static bool IsFtpUsing(UsingDirectiveSyntax directive)
        => directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name?.ToString() == "Ftp";

    /// <summary>Adds <c>using Ftp;</c> after the System usings, in order, with the file's line ending.</summary>
    private static CompilationUnitSyntax AddFtpUsing(CompilationUnitSyntax unit)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("Ftp"));
        var usings = unit.Usings;
        var index = 0;
        while (index < usings.Count && string.CompareOrdinal(SortKey(usings[index]), "1Ftp") < 0)
            index++;
        if (usings.Count == 0)
        {
            var eol = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var newLine = eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol : SyntaxFactory.ElasticCarriageReturnLineFeed;
            directive = directive.WithTrailingTrivia(newLine, newLine);
            return unit.WithUsings(unit.Usings.Add(directive.WithLeadingTrivia(unit.GetLeadingTrivia())))
                .WithMembers(unit.Members.Replace(unit.Members[0], unit.Members[0].WithLeadingTrivia()));
        }
        var template = usings[System.Math.Min(index, usings.Count - 1)];
        directive = directive.WithTrailingTrivia(template.GetTrailingTrivia());
        if (index == 0)
        {
            // Keep the file's leading comment on the first line.
            directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia());
        }
        return unit.WithUsings(usings.Insert(index, directive));
    }

    private static string SortKey(UsingDirectiveSyntax directive)
    {
        var name = directive.Name?.ToString() ?? "";
        return (name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal) ? "0" : "1") + name;
    }

    /// <summary>The fixed file has no more errors than before, and every .Parse(…).Port binds to Ftp.PassiveEndpoint.</summary>
    private static async Task<bool> CompilesAsync(Document fixedDocument, SemanticModel before, INamedTypeSymbol passiveEndpoint, CancellationToken cancellationToken)
    {
        var model = await fixedDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await fixedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
            return false;
        var errorsBefore = before.GetDiagnostics(null, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        var errorsAfter = model.GetDiagnostics(null, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        if (errorsAfter > errorsBefore)
            return false;
        return root.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Where(access => access.Name.Identifier.ValueText == "Port" && access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Parse", Expression: IdentifierNameSyntax { Identifier.ValueText: "PassiveEndpoint" } } })
            .All(access => model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol property
                && property.ContainingType.ToDisplayString() == passiveEndpoint.ToDisplayString()
                && property.ContainingAssembly.Name == passiveEndpoint.ContainingAssembly.Name);
    }
}
