using System.Runtime.CompilerServices;
using FtpAnalyzers.Flow;

namespace FtpAnalyzers.Tests.Flow;

/// <summary>
/// Every analyzer run of this test assembly checks <see cref="CleanMemberProof"/> against the
/// control-flow graph analysis: a member the proof calls clean whose graph shows a mistake throws,
/// which fails the test running it (AD0001). So each test of a rule also tests the proof.
/// </summary>
internal static class CrossCheckEveryAnalysis
{
    [ModuleInitializer]
    internal static void Enable() => SequenceAnalysisCache.CrossCheck = true;
}
