using System;

namespace FtpAnalyzers.Benchmarks;

/// <summary>Corpus sizes and repetitions: the full run the issue asks for, or a seconds-long smoke run.</summary>
/// <param name="PolyfillFiles">How many of Polyfill's files the real-code table takes; null for all.</param>
/// <param name="RealFolders">Folders of real code without FTP given with <c>--real DIR</c>, measured like Polyfill.</param>
public sealed record BenchmarkSettings(
    bool Smoke,
    int Repetitions,
    int GateFiles,
    int DenseMethods,
    int[] StraightLineStatements,
    int ManyBlocks,
    int NestingDepth,
    int Seed,
    int? PolyfillFiles,
    string[] RealFolders)
{
    /// <summary>Folders of an FTP library's own source (<c>--real-ftp DIR</c>): the 1 % target.</summary>
    public string[] RealFtpFolders { get; init; } = Array.Empty<string>();

    /// <summary>One table alone (<c>--only gate|dense|scaling|latency|real</c>), for a quick local measurement; null for all.</summary>
    public string? Only { get; init; }

    /// <summary>True when the table named <paramref name="table"/> is part of this run.</summary>
    public bool Runs(string table) => Only is null || Only == table;

    public const int DefaultSeed = 20261123;

    public static BenchmarkSettings Full { get; } = new(
        Smoke: false, Repetitions: 3, GateFiles: 2000, DenseMethods: 2000,
        StraightLineStatements: new[] { 1_000, 5_000, 20_000 }, ManyBlocks: 1_000, NestingDepth: 200, Seed: DefaultSeed,
        PolyfillFiles: null, RealFolders: Array.Empty<string>());

    /// <summary>Every table, small corpora, one repetition: proves the harness still works.</summary>
    public static BenchmarkSettings SmokeRun { get; } = new(
        Smoke: true, Repetitions: 1, GateFiles: 20, DenseMethods: 20,
        StraightLineStatements: new[] { 50, 250, 1_000 }, ManyBlocks: 100, NestingDepth: 20, Seed: DefaultSeed,
        PolyfillFiles: 25, RealFolders: Array.Empty<string>());
}
