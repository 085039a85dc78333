using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace FtpAnalyzers.Tests.Fixes;

/// <summary>Fix tests whose fixed code still has diagnostics, marked up in it.</summary>
internal static class RemainingDiagnostics
{
    public static Task Verify<TTest>(TTest test, string source, string fixedSource, string key)
        where TTest : CodeFixTest<DefaultVerifier>
    {
        test.TestCode = source;
        test.FixedCode = fixedSource;
        test.CodeActionEquivalenceKey = key;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }
}
