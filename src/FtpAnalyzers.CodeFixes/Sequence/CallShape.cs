using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>
/// How a command call is written — receiver, sync or async, awaited, ConfigureAwait, cancellation
/// token — so that a new call can be written the same way (<see cref="Build"/>).
/// </summary>
internal sealed class CallShape
{
    private CallShape(ExpressionSyntax receiver, bool isAsync, bool isAwaited, ArgumentSyntax? configureAwait, ExpressionSyntax? token)
    {
        Receiver = receiver;
        IsAsync = isAsync;
        IsAwaited = isAwaited;
        ConfigureAwait = configureAwait;
        Token = token;
    }

    public ExpressionSyntax Receiver { get; }

    public bool IsAsync { get; }

    public bool IsAwaited { get; }

    public ArgumentSyntax? ConfigureAwait { get; }

    /// <summary>The cancellation token passed, when it can be evaluated again (a name or a member access).</summary>
    public ExpressionSyntax? Token { get; }

    /// <summary>
    /// The shape of <paramref name="invocation"/> (<c>receiver.Method(…)</c>), or null for other forms
    /// (<c>c?.Retr(…)</c>, a static wrapper), or for an async call in code that cannot await.
    /// </summary>
    public static CallShape? Of(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        if (invocation.Expression is not MemberAccessExpressionSyntax { Expression: var receiver } access
            || !access.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation { Instance: not null } operation)
            return null;

        var isAsync = CommandSite.IsAsyncName(access.Name.Identifier.ValueText);
        if (!isAsync)
            return new CallShape(receiver, isAsync: false, isAwaited: false, configureAwait: null, token: null);

        ExpressionSyntax? token = null;
        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit
                && argument.Parameter?.Type is { Name: "CancellationToken" }
                && argument.Value.Syntax is ExpressionSyntax value
                && IsRepeatable(value))
                token = value;
        }

        var (awaited, configureAwait) = AwaitOf(invocation);
        if (!awaited && !CanAwait(invocation))
            return null;
        return new CallShape(receiver, isAsync: true, isAwaited: awaited, configureAwait, token);
    }

    /// <summary>
    /// <c>receiver.Name(arguments)</c> written like this call: <c>await receiver.NameAsync(arguments, token).ConfigureAwait(x)</c>
    /// for an awaited async call, with the Async suffix added to <paramref name="syncName"/>.
    /// </summary>
    public ExpressionSyntax Build(string syncName, params ExpressionSyntax[] arguments)
    {
        var text = Receiver.WithoutTrivia().ToFullString() + "." + syncName;
        var all = arguments.Select(a => a.WithoutTrivia().ToFullString()).ToList();
        if (IsAsync)
        {
            text += "Async";
            if (Token is not null)
                all.Add(Token.WithoutTrivia().ToFullString());
        }

        text += "(" + string.Join(", ", all) + ")";
        if (IsAsync)
        {
            if (ConfigureAwait is not null)
                text += ".ConfigureAwait(" + ConfigureAwait.WithoutTrivia().ToFullString() + ")";
            text = "await " + text;
        }

        return SyntaxFactory.ParseExpression(text);
    }

    /// <summary>
    /// The same call to another method of the connection (<c>c.PassAsync(pw, ct)</c> to
    /// <c>c.LoginAsync(u, pw, ct)</c>), with <paramref name="first"/> as a new first argument.
    /// Await and ConfigureAwait around the call stay as they are.
    /// </summary>
    public static InvocationExpressionSyntax Renamed(InvocationExpressionSyntax invocation, string syncName, ExpressionSyntax? first)
    {
        var access = (MemberAccessExpressionSyntax)invocation.Expression;
        var name = syncName + (CommandSite.IsAsyncName(access.Name.Identifier.ValueText) ? "Async" : "");
        var argumentList = invocation.ArgumentList;
        if (first is not null)
        {
            var rest = argumentList.Arguments.ToFullString();
            argumentList = SyntaxFactory.ParseArgumentList("(" + first.WithoutTrivia().ToFullString() + (rest.Length > 0 ? ", " + rest : "") + ")")
                .WithTriviaFrom(argumentList);
        }

        return invocation
            .WithExpression(access.WithName(SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(name).WithTriviaFrom(access.Name.Identifier))))
            .WithArgumentList(argumentList);
    }

    /// <summary>The invocation inside <c>await x</c>, <c>await x.ConfigureAwait(b)</c> or plain <c>x</c>.</summary>
    public static InvocationExpressionSyntax? Unwrap(ExpressionSyntax expression)
    {
        if (expression is AwaitExpressionSyntax awaited)
            expression = awaited.Expression;
        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: InvocationExpressionSyntax inner } })
            expression = inner;
        return expression as InvocationExpressionSyntax;
    }

    private static (bool Awaited, ArgumentSyntax? ConfigureAwait) AwaitOf(InvocationExpressionSyntax invocation)
    {
        SyntaxNode node = invocation;
        ArgumentSyntax? configureAwait = null;
        if (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } configured })
        {
            configureAwait = configured.ArgumentList.Arguments[0];
            node = configured;
        }

        while (node.Parent is ParenthesizedExpressionSyntax)
            node = node.Parent;
        return node.Parent is AwaitExpressionSyntax ? (true, configureAwait) : (false, null);
    }

    /// <summary>True when an await may be written where <paramref name="node"/> is: an async function, or top-level code.</summary>
    private static bool CanAwait(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax function:
                    return !function.AsyncKeyword.IsKind(SyntaxKind.None);
                case LocalFunctionStatementSyntax local:
                    return local.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case GlobalStatementSyntax:
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsRepeatable(ExpressionSyntax expression)
        => expression switch
        {
            IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax access => IsRepeatable(access.Expression),
            ThisExpressionSyntax => true,
            LiteralExpressionSyntax => true,
            _ => false,
        };
}
