using System.Collections.Generic;
using FtpAnalyzers.PassiveReply;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Rules;

/// <summary>
/// FTP0007: the address taken from a 227 reply (its first four numbers) reaches a connect — a
/// TcpClient, Socket.Connect*, new IPEndPoint, Dns.GetHost* — instead of the control connection's
/// address. Also reports, with Info severity, FtpConnectionOptions.PassiveAddressPolicy set to
/// UseAdvertisedAddress: a deliberate choice that deserves a look, not an error in every build.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AdvertisedPassiveAddressAnalyzer : FtpDiagnosticAnalyzer
{
    public AdvertisedPassiveAddressAnalyzer()
        : base(Descriptors.FTP0007_ConnectToAdvertisedPassiveAddress)
    {
    }

    protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var screen = new SyntaxScreen();
        var helpers = new HelperSummaries();
        var policyProperty = context.Compilation.GetTypeByMetadataName("Ftp.FtpConnectionOptions")?.GetMembers("PassiveAddressPolicy");
        var advertised = context.Compilation.GetTypeByMetadataName("Ftp.PassiveAddressPolicy")?.GetMembers("UseAdvertisedAddress");
        // Registered only through the code-block action: a syntax-node action on every assignment
        // of a compilation costs more than the screen that finds the few naming the policy.
        (IPropertySymbol, IFieldSymbol)? policy = null;
        if (policyProperty is { Length: 1 } && policyProperty.Value[0] is IPropertySymbol property
            && advertised is { Length: 1 } && advertised.Value[0] is IFieldSymbol { HasConstantValue: true } member)
            policy = (property, member);

        context.RegisterCodeBlockAction(c =>
        {
            if (policy is { } known && screen.Admits(c.CodeBlock, SyntaxNeeds.PolicyAssignment, c.CancellationToken))
                AnalyzePolicies(c, known.Item1, known.Item2);
            AnalyzeBlock(c, screen, helpers);
        });
    }

    /// <summary>Whatever the value, the assigned name is PassiveAddressPolicy: checked on syntax before any binding.</summary>
    private static bool AssignsPolicyName(AssignmentExpressionSyntax assignment)
        => assignment.Left switch
        {
            IdentifierNameSyntax name => name.Identifier.ValueText == "PassiveAddressPolicy",
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == "PassiveAddressPolicy",
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText == "PassiveAddressPolicy",
            _ => false,
        };

    /// <summary>The PassiveAddressPolicy assignments of a code block, found on syntax, then bound one by one.</summary>
    private static void AnalyzePolicies(CodeBlockAnalysisContext context, IPropertySymbol property, IFieldSymbol advertised)
    {
        foreach (var node in context.CodeBlock.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax syntax && syntax.IsKind(SyntaxKind.SimpleAssignmentExpression) && AssignsPolicyName(syntax)
                && context.SemanticModel.GetOperation(syntax, context.CancellationToken) is ISimpleAssignmentOperation assignment)
                AnalyzePolicy(context, assignment, property, advertised);
        }
    }

    private static void AnalyzePolicy(CodeBlockAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property, IFieldSymbol advertised)
    {
        if (assignment.Target is not IPropertyReferenceOperation target || !SymbolEqualityComparer.Default.Equals(target.Property, property))
            return;
        var value = LocalDefinitions.Strip(assignment.Value);
        if (value.ConstantValue is not { HasValue: true } constant || !Equals(constant.Value, advertised.ConstantValue))
            return;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.FTP0007_ConnectToAdvertisedPassiveAddress,
            assignment.Syntax.GetLocation(),
            DiagnosticSeverity.Info,
            additionalLocations: null,
            properties: null,
            Descriptors.UseAdvertisedAddressPolicyMessage));
    }

    /// <summary>The whole argument expression, a "!" included, so that the fix can replace it.</summary>
    private static SyntaxNode ArgumentExpression(SyntaxNode value)
    {
        while (value.Parent is PostfixUnaryExpressionSyntax or ParenthesizedExpressionSyntax)
            value = value.Parent;
        return value;
    }

    private static void AnalyzeBlock(CodeBlockAnalysisContext context, SyntaxScreen screen, HelperSummaries helpers)
    {
        // A member that names a connect; or one that computes a port and hands it, with the host,
        // to a helper of its own file that connects (InitPassiveMode(host, port)).
        var namesConnect = screen.Admits(context.CodeBlock, SyntaxNeeds.ConnectSink, context.CancellationToken);
        var computesPort = screen.Admits(context.CodeBlock, SyntaxNeeds.PortArithmetic, context.CancellationToken);
        if (!namesConnect && !computesPort)
            return;
        var blocks = CodeBlockOperations.Get(context.SemanticModel, context.CodeBlock, context.CancellationToken);
        computesPort = computesPort && PassiveReplyCode.HasPortShape(blocks);
        if (!namesConnect && !computesPort)
            return;
        List<(IOperation Host, IMethodSymbol? Helper, int Ordinal)>? candidates = null;
        foreach (var block in blocks)
        {
            foreach (var operation in block.DescendantsAndSelf())
            {
                if (namesConnect && ConnectSinks.HostArguments(operation) is { } arguments)
                {
                    foreach (var argument in arguments)
                        (candidates ??= new()).Add((argument, null, 0));
                }
                else if (computesPort && HelperCall(operation, context.SemanticModel.SyntaxTree) is { } call)
                {
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter is { RefKind: RefKind.None } parameter)
                            (candidates ??= new()).Add((argument.Value, call.Helper, parameter.Ordinal));
                    }
                }
            }
        }
        if (candidates is null || PassiveReplyCode.Create(context.OwningSymbol, blocks, new HelperCalls(helpers, context.SemanticModel, context.CancellationToken)) is not { } code)
            return;

        var reported = new HashSet<object>();
        foreach (var (host, helper, ordinal) in candidates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            object? key = code.AdvertisedHost(host) is { } source
                && (helper is null || helpers.ConnectsTo(helper, ordinal, context.SemanticModel, context.CancellationToken))
                ? source.Key
                : helper is null ? AdvertisedMember(code, host, helpers, context) : null;
            if (key is not null && !reported.Contains(key))
            {
                reported.Add(key);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FTP0007_ConnectToAdvertisedPassiveAddress,
                    ArgumentExpression(host.Syntax).GetLocation(),
                    Descriptors.ConnectToAdvertisedPassiveAddressMessage));
            }
        }
    }

    /// <summary>
    /// A host read from a field or an auto-property — of this instance, a static one, or of another
    /// object (<c>session.DataHost</c>) — that one place of the file sets, once, to the advertised
    /// host. A field of this instance that this member sets is this member's to follow, not taken from elsewhere.
    /// </summary>
    private static ISymbol? AdvertisedMember(PassiveReplyCode code, IOperation host, HelperSummaries helpers, CodeBlockAnalysisContext context)
    {
        var value = LocalDefinitions.Strip(host);
        if (value is IInvocationOperation { TargetMethod: { Name: "Parse", ContainingType.Name: "IPAddress" }, Arguments.Length: 1 } parse)
            value = LocalDefinitions.Strip(parse.Arguments[0].Value);
        ISymbol? member = value switch
        {
            IFieldReferenceOperation { Field: var field } => field,
            IPropertyReferenceOperation { Property: { IsIndexer: false } property } => property,
            _ => null,
        };
        if (member is null
            || value is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation }
                && (code.Locals.ValueAt(value) is not null || code.Locals.AllValues(member).GetEnumerator().MoveNext()))
            return null;
        return helpers.HoldsAdvertisedHost(member, context.SemanticModel, context.CancellationToken) ? member : null;
    }

    /// <summary>A call of a method or constructor declared in this file (not a connect by its name): one whose body may connect to what it is given.</summary>
    private static (IMethodSymbol Helper, IEnumerable<IArgumentOperation> Arguments)? HelperCall(IOperation operation, SyntaxTree tree)
    {
        var (method, arguments) = operation switch
        {
            IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
            IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
            _ => (null, default),
        };
        if (method is null || arguments.IsDefaultOrEmpty || method.DeclaringSyntaxReferences.Length != 1 || method.DeclaringSyntaxReferences[0].SyntaxTree != tree)
            return null;
        return (method, arguments);
    }
}
