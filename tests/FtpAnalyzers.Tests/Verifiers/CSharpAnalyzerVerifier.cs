using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FtpAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs one analyzer over test sources written with markup (<c>{|FTP0001:…|}</c>, <c>{|#0:…|}</c>),
/// compiled against .NET 8 and Ftp.Client. Use per file as
/// <c>using Verify = CSharpAnalyzerVerifier&lt;PassWithoutUserAnalyzer&gt;;</c>.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            TestState.AdditionalReferences.Add(TestReferences.FtpClient);
        }

        /// <summary>The language version the sources are parsed with (latest by default).</summary>
        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        /// <summary>False to compile without Ftp.Client, as code that talks to sockets directly.</summary>
        public bool ReferenceFtpClient
        {
            get => TestState.AdditionalReferences.Contains(TestReferences.FtpClient);
            set
            {
                TestState.AdditionalReferences.Remove(TestReferences.FtpClient);
                if (value)
                    TestState.AdditionalReferences.Add(TestReferences.FtpClient);
            }
        }

        protected override ParseOptions CreateParseOptions()
            => ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
    }
}
