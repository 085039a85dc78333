using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.CodeFixes.PassiveReply;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using static FtpAnalyzers.PassiveReply.NetTypes;

namespace FtpAnalyzers.CodeFixes;

/// <summary>
/// FTP0007 fix "Connect to the control connection's address": replaces the advertised host at the
/// connect with the control connection's address, taken from what is in scope — in this order,
/// and only when exactly one candidate of the kind exists: an FtpConnection
/// (<c>connection.RemoteEndPoint.Address</c>); the host string the type opens its control
/// connection with (<c>new TcpClient(_host, 21)</c>); a Socket or TcpClient field or parameter
/// (its RemoteEndPoint's address). Removes the locals that only built the advertised host.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AdvertisedPassiveAddressFixer)), Shared]
public sealed class AdvertisedPassiveAddressFixer : CodeFixProvider
{
    public const string EquivalenceKey = "FTP0007.ConnectToControlAddress";

    private const string Title = "Connect to the control connection's address";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ConnectToAdvertisedPassiveAddress);

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
        if (root is null || model is null)
            return null;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax advertised
            || advertised.Span != diagnostic.Location.SourceSpan
            || advertised.Parent is not ArgumentSyntax
            || ArgumentOf(model.GetOperation(Unwrapped(advertised), cancellationToken)) is not { Parameter.Type: { } targetType })
            return null;

        var wantsString = targetType.SpecialType == SpecialType.System_String;
        if (!wantsString && !IsNetType(targetType, "IPAddress"))
            return null;
        if (ControlAddress(model, advertised, wantsString, cancellationToken) is not { } replacementText)
            return null;

        var replacement = SyntaxFactory.ParseExpression(replacementText)
            .WithTriviaFrom(advertised)
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        var member = advertised.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseTypeDeclarationSyntax and not NamespaceDeclarationSyntax);
        if (member is null)
            return null;
        var read = advertised.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText).ToList();
        var newMember = UnusedLocals.Remove(member.ReplaceNode(advertised, replacement), read);
        // The cast names System.Net.IPEndPoint in full; a file without "using System.Net;" gets one,
        // and the simplifier then shortens the name (it stays qualified where IPEndPoint means something else).
        var fixedDocument = await ImportAdder.AddImportsAsync(
            document.WithSyntaxRoot(root.ReplaceNode(member, newMember)), Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);

        var fixedModel = await fixedDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (fixedModel is null)
            return null;
        var errorsBefore = model.GetDiagnostics(null, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        var errorsAfter = fixedModel.GetDiagnostics(null, cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
        return errorsAfter <= errorsBefore ? fixedDocument : null;
    }

    /// <summary>The expression inside "!" and parentheses, which is what has an operation.</summary>
    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppressed.Operand;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    private static IArgumentOperation? ArgumentOf(IOperation? operation)
    {
        var parent = operation?.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
            parent = parent.Parent;
        return parent as IArgumentOperation;
    }

    private static string? ControlAddress(SemanticModel model, ExpressionSyntax advertised, bool wantsString, CancellationToken cancellationToken)
    {
        var position = advertised.SpanStart;
        var inScope = model.LookupSymbols(position)
            .Where(s => s is IFieldSymbol or IPropertySymbol or IParameterSymbol || s is ILocalSymbol local && DeclaredBefore(local, advertised))
            .Where(s => Accessible(model, position, s))
            .ToList();

        var connections = inScope.Where(s => IsFtpConnection(TypeOf(s))).ToList();
        if (connections.Count == 1)
            return Name(connections[0]) + ".RemoteEndPoint.Address" + (wantsString ? ".ToString()" : "");
        if (connections.Count > 1)
            return null;

        if (wantsString)
        {
            var read = advertised.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText).ToImmutableHashSet();
            var hosts = ControlHosts(model, advertised, cancellationToken)
                .Where(h => inScope.Contains(h, SymbolEqualityComparer.Default) && !read.Contains(h.Name) && (h is not ILocalSymbol local || IsPlainValue(local)))
                .ToList();
            if (hosts.Count == 1)
                return Name(hosts[0]);
            if (hosts.Count > 1)
                return null;
        }

        // A socket kept in a field or passed in is the control connection; a data socket is a local.
        var sockets = inScope.Where(s => s is not ILocalSymbol && (IsSocketsType(TypeOf(s), "Socket") || IsSocketsType(TypeOf(s), "TcpClient"))).ToList();
        if (sockets.Count != 1)
            return null;
        var remote = Name(sockets[0]) + (IsSocketsType(TypeOf(sockets[0]), "TcpClient") ? ".Client" : "") + ".RemoteEndPoint";
        if (model.GetNullableContext(position).AnnotationsEnabled())
            remote += "!";
        return "((global::System.Net.IPEndPoint)" + remote + ").Address" + (wantsString ? ".ToString()" : "");
    }

    /// <summary>
    /// The string variables the containing type opens a control connection with: the host of
    /// new TcpClient(host, …), x.Connect(host, …) or FtpConnection.Connect(host, …) anywhere in the
    /// type, other than at the advertised connect itself.
    /// </summary>
    private static IEnumerable<ISymbol> ControlHosts(SemanticModel model, ExpressionSyntax advertised, CancellationToken cancellationToken)
    {
        var type = advertised.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        if (type is null)
            yield break;
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var node in type.DescendantNodes())
        {
            var arguments = node switch
            {
                ObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Connect" or "ConnectAsync" } } invocation => invocation.ArgumentList.Arguments,
                _ => null,
            };
            if (arguments is not { Count: >= 1 } list || list[0].Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }) || list[0].Expression == advertised)
                continue;
            if (model.GetOperation(list[0].Expression, cancellationToken)?.Parent is not IArgumentOperation { Parameter: { Type.SpecialType: SpecialType.System_String, Ordinal: 0 } parameter })
                continue;
            var containing = parameter.ContainingSymbol.ContainingType;
            if (!IsSocketsType(containing, "TcpClient") && !IsSocketsType(containing, "Socket") && !IsFtpConnection(containing))
                continue;
            if (model.GetSymbolInfo(list[0].Expression, cancellationToken).Symbol is { } host and (IFieldSymbol or IPropertySymbol or IParameterSymbol or ILocalSymbol) && seen.Add(host))
                yield return host;
        }
    }

    /// <summary>A local initialized with a literal, a field or a parameter — not with something parsed.</summary>
    private static bool IsPlainValue(ILocalSymbol local)
        => local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax } };

    /// <summary>
    /// Declared earlier in the same file. Lookup also returns the locals of top-level statements in
    /// other files (in scope there, but CS8801 to use), which are not the control connection.
    /// </summary>
    private static bool DeclaredBefore(ILocalSymbol local, SyntaxNode use)
        => local.DeclaringSyntaxReferences.All(r => r.SyntaxTree == use.SyntaxTree && r.Span.End <= use.SpanStart);

    private static bool IsStaticContext(SemanticModel model, int position) => model.GetEnclosingSymbol(position)?.IsStatic == true;

    private static bool Accessible(SemanticModel model, int position, ISymbol symbol)
        => symbol is ILocalSymbol or IParameterSymbol || symbol.IsStatic || !IsStaticContext(model, position);

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        IParameterSymbol parameter => parameter.Type,
        ILocalSymbol local => local.Type,
        _ => null,
    };

    private static string Name(ISymbol symbol)
        => SyntaxFacts.GetKeywordKind(symbol.Name) != SyntaxKind.None ? "@" + symbol.Name : symbol.Name;

    private static bool IsFtpConnection(ITypeSymbol? type) => IsFtpType(type, "FtpConnection");
}
