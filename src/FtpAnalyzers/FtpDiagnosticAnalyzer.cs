using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpAnalyzers;

/// <summary>
/// Base of every FTP analyzer: concurrent, silent in generated code, and started per compilation
/// so that symbols are resolved once and rules can register nothing when their API is absent.
/// </summary>
public abstract class FtpDiagnosticAnalyzer : DiagnosticAnalyzer
{
    protected FtpDiagnosticAnalyzer(params DiagnosticDescriptor[] descriptors)
        => SupportedDiagnostics = ImmutableArray.Create(descriptors);

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Resolves what the rule needs once; registers nothing when it is not there.</summary>
    protected abstract void OnCompilationStart(CompilationStartAnalysisContext context);
}
