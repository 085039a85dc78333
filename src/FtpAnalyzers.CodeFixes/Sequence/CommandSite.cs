using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>
/// The FTP command call a sequence diagnostic points at, seen the way the analyzers see it
/// (<see cref="FtpSymbols.GetCommand"/>), with the statement that holds it in a statement list.
/// </summary>
internal sealed class CommandSite
{
    private CommandSite(Document document, SyntaxNode root, SemanticModel model, FtpSymbols symbols, InvocationExpressionSyntax invocation, FtpCommandCall call, ISymbol connection, StatementSyntax anchor)
    {
        Document = document;
        Root = root;
        Model = model;
        Symbols = symbols;
        Invocation = invocation;
        Call = call;
        Connection = connection;
        Anchor = anchor;
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SemanticModel Model { get; }

    public FtpSymbols Symbols { get; }

    public InvocationExpressionSyntax Invocation { get; }

    public FtpCommandCall Call { get; }

    /// <summary>The local, parameter or field that holds the connection.</summary>
    public ISymbol Connection { get; }

    /// <summary>The statement, directly in a statement list, that contains the call.</summary>
    public StatementSyntax Anchor { get; }

    public IReadOnlyList<StatementSyntax> Siblings => StatementLists.Siblings(Anchor);

    public int AnchorIndex => StatementLists.IndexOf(Siblings, Anchor);

    /// <summary>
    /// The site of <paramref name="diagnostic"/>, or null when its call is not a command on a
    /// local, parameter or field, or not inside a statement of a statement list (an expression
    /// body, a lambda's expression, an embedded statement without braces when
    /// <paramref name="allowEmbedded"/> is false).
    /// </summary>
    public static async Task<CommandSite?> FindAsync(Document document, Diagnostic diagnostic, bool allowEmbedded, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FtpSymbols.TryCreate(model.Compilation) is not { } symbols)
            return null;
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
            || invocation.Span != diagnostic.Location.SourceSpan)
            return null;
        return Create(document, root, model, symbols, invocation, allowEmbedded, cancellationToken);
    }

    /// <summary>The site of a command call found in <paramref name="root"/>, the root of <paramref name="document"/>.</summary>
    public static CommandSite? Create(Document document, SyntaxNode root, SemanticModel model, FtpSymbols symbols, InvocationExpressionSyntax invocation, bool allowEmbedded, CancellationToken cancellationToken)
    {
        if (Command(model, symbols, invocation, cancellationToken) is not { } call
            || ConnectionSymbol(symbols, call.Connection) is not { } connection)
            return null;
        var anchor = StatementLists.EnclosingStatement(invocation);
        if (anchor is null || (!StatementLists.IsInList(anchor) && !(allowEmbedded && StatementLists.IsEmbedded(anchor)))
            || StatementLists.IsEvaluatedRepeatedly(anchor, invocation))
            return null;
        return new CommandSite(document, root, model, symbols, invocation, call, connection, anchor);
    }

    public static FtpCommandCall? Command(SemanticModel model, FtpSymbols symbols, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        => model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation ? symbols.GetCommand(operation) : null;

    /// <summary>The variable a connection expression reads: the analysis's own answer (<see cref="FtpSymbols.ConnectionVariable"/>).</summary>
    public static ISymbol? ConnectionSymbol(FtpSymbols symbols, IOperation connection)
    {
        while (connection is IConversionOperation conversion)
            connection = conversion.Operand;
        return symbols.ConnectionVariable(connection);
    }

    private static readonly System.Collections.Immutable.ImmutableArray<string?> UnknownVerbs = System.Collections.Immutable.ImmutableArray.Create((string?)null);

    /// <summary>
    /// The commands on this site's connection sent by calls inside <paramref name="node"/>, in
    /// source order; a call that may send commands on it unseen (<see cref="MayActOnConnection"/>)
    /// counts as a command whose verb is not known, which every fix treats as a stop.
    /// </summary>
    public IEnumerable<(InvocationExpressionSyntax Invocation, FtpCommandCall Call)> CommandsIn(SyntaxNode node, CancellationToken cancellationToken)
    {
        foreach (var invocation in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (Model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
                continue;
            if (Symbols.GetCommand(operation) is { } call)
            {
                if (ConnectionSymbol(Symbols, call.Connection) is { } connection
                    && SymbolEqualityComparer.Default.Equals(connection, Connection))
                    yield return (invocation, call);
            }
            else if (MayActOnConnection(operation))
            {
                yield return (invocation, new FtpCommandCall(operation, operation, UnknownVerbs));
            }
        }
    }

    /// <summary>
    /// A call that is not a command but may send commands on this site's connection: one that
    /// receives it as an argument (a helper), a local function, and, for a connection in a field
    /// or auto-property of this, a call on this or one that receives this (the analysis follows
    /// such helpers into their code, so what they send is part of the sequence).
    /// </summary>
    private bool MayActOnConnection(IInvocationOperation operation)
    {
        if (operation.TargetMethod.MethodKind == MethodKind.LocalFunction)
            return true;
        var inThis = Connection is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false };
        if (inThis && operation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            return true;
        foreach (var argument in operation.Arguments)
        {
            var value = argument.Value;
            while (value is IConversionOperation conversion)
                value = conversion.Operand;
            if (inThis && value is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
                return true;
            if (ConnectionSymbol(Symbols, value) is { } connection && SymbolEqualityComparer.Default.Equals(connection, Connection))
                return true;
        }

        return false;
    }

    /// <summary>True when <paramref name="node"/> names the connection's variable anywhere, or calls something that may use it (<see cref="CommandsIn"/>).</summary>
    public bool Mentions(SyntaxNode node, CancellationToken cancellationToken)
        => node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(name =>
            name.Identifier.ValueText == Connection.Name
            && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(name, cancellationToken).Symbol, Connection))
        || CommandsIn(node, cancellationToken).Any();

    /// <summary>
    /// A statement whose only work is one command call on this connection, its value discarded
    /// (<c>c.User(u);</c>, <c>await c.UserAsync(u).ConfigureAwait(false);</c>), with the given verbs.
    /// </summary>
    public InvocationExpressionSyntax? DiscardedCommand(StatementSyntax statement, CancellationToken cancellationToken, params string[] verbs)
        => statement is ExpressionStatementSyntax { Expression: var expression } ? SoleCommand(statement, expression, cancellationToken, verbs) : null;

    /// <summary>
    /// A statement whose only work is one command call on this connection, its reply discarded or
    /// kept in a new local (<c>var reply = c.User(u);</c>): a statement that can move as a whole.
    /// </summary>
    public (InvocationExpressionSyntax Invocation, bool IsDiscarded)? MovableCommand(StatementSyntax statement, CancellationToken cancellationToken, params string[] verbs)
    {
        if (DiscardedCommand(statement, cancellationToken, verbs) is { } discarded)
            return (discarded, true);
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } declaration
            && declaration.UsingKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
            && variables[0].Initializer?.Value is { } value
            && SoleCommand(statement, value, cancellationToken, verbs) is { } kept)
        {
            return (kept, false);
        }

        return null;
    }

    private InvocationExpressionSyntax? SoleCommand(StatementSyntax statement, ExpressionSyntax expression, CancellationToken cancellationToken, string[] verbs)
    {
        if (CallShape.Unwrap(expression) is not { } invocation
            || Command(Model, Symbols, invocation, cancellationToken) is not { } call
            || ConnectionSymbol(Symbols, call.Connection) is not { } connection
            || !SymbolEqualityComparer.Default.Equals(connection, Connection)
            || !call.Verbs.SequenceEqual(verbs))
            return null;
        // Nothing else runs in the statement: its arguments do not send commands on the connection.
        return CommandsIn(statement, cancellationToken).Count() == 1 ? invocation : null;
    }

    /// <summary>
    /// The first statement after the anchor that is a movable command with <paramref name="verbs"/>,
    /// provided no statement between sends any of <paramref name="blockingVerbs"/> on the connection.
    /// </summary>
    public (int Index, InvocationExpressionSyntax Invocation, bool IsDiscarded)? FindLater(string[] verbs, string[] blockingVerbs, CancellationToken cancellationToken)
    {
        var siblings = Siblings;
        for (var i = AnchorIndex + 1; i < siblings.Count; i++)
        {
            if (MovableCommand(siblings[i], cancellationToken, verbs) is var (found, isDiscarded))
                return (i, found, isDiscarded);
            if (CommandsIn(siblings[i], cancellationToken).Any(c => c.Call.Verbs.Any(v => v is null || blockingVerbs.Contains(v))))
                return null;
        }

        return null;
    }

    /// <summary>The argument of a one-argument command method call (User(u), Rnfr(from)), when passed by position.</summary>
    public static ExpressionSyntax? SoleArgument(InvocationExpressionSyntax invocation)
        => invocation.ArgumentList.Arguments is { Count: >= 1 } arguments && arguments[0].NameColon is null && arguments[0].RefKindKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
            ? arguments[0].Expression
            : null;

    /// <summary>True when the call is the first command on the connection that its statement sends (nothing runs before it in the statement).</summary>
    public bool IsFirstCommandOfAnchor(CancellationToken cancellationToken)
        => CommandsIn(Anchor, cancellationToken).FirstOrDefault().Invocation == Invocation
        && !Invocation.Ancestors().TakeWhile(a => a != Anchor).Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

    /// <summary>The name of the method an invocation calls, as written.</summary>
    public static string MethodName(InvocationExpressionSyntax invocation)
        => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => "",
        };

    public static bool IsAsyncName(string name) => name.EndsWith("Async", System.StringComparison.Ordinal);

    public static bool HasNamedArgumentsOtherThanToken(InvocationExpressionSyntax invocation)
        => invocation.ArgumentList.Arguments.Any(a => a.NameColon is { } name && name.Name.Identifier.ValueText != "cancellationToken");
}
