using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers.Tests.Robustness;

#pragma warning disable RS1036, RS1038, RS1041, RS2008 // Test doubles for HarnessSelfTests, not shipped analyzers.

internal static class SelfTestAnalyzers
{
    public const string InvocationId = "SELF0001";

    public static readonly DiagnosticDescriptor Invocation = new(InvocationId, "Invocation", "Invocation", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
}

/// <summary>Throws on every invocation: the harness must report it.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(SelfTestAnalyzers.Invocation);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("analyzer bug"), SyntaxKind.InvocationExpression);
    }
}

/// <summary>Reports every invocation, for the fixer doubles to fix.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class InvocationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(SelfTestAnalyzers.Invocation);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(node => node.ReportDiagnostic(Diagnostic.Create(SelfTestAnalyzers.Invocation, node.Node.GetLocation())), SyntaxKind.InvocationExpression);
    }
}
