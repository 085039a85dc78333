namespace FtpAnalyzers.Benchmarks;

/// <summary>Corpus sizes and repetitions: the full run the issue asks for, or a seconds-long smoke run.</summary>
public sealed record BenchmarkSettings(
    bool Smoke,
    int Repetitions,
    int GateFiles,
    int DenseMethods,
    int[] StraightLineStatements,
    int ManyBlocks,
    int NestingDepth,
    int Seed)
{
    public const int DefaultSeed = 20261123;

    public static BenchmarkSettings Full { get; } = new(
        Smoke: false, Repetitions: 3, GateFiles: 2000, DenseMethods: 2000,
        StraightLineStatements: new[] { 1_000, 5_000, 20_000 }, ManyBlocks: 1_000, NestingDepth: 200, Seed: DefaultSeed);

    /// <summary>Every table, small corpora, one repetition: proves the harness still works.</summary>
    public static BenchmarkSettings SmokeRun { get; } = new(
        Smoke: true, Repetitions: 1, GateFiles: 20, DenseMethods: 20,
        StraightLineStatements: new[] { 50, 250, 1_000 }, ManyBlocks: 100, NestingDepth: 20, Seed: DefaultSeed);
}
