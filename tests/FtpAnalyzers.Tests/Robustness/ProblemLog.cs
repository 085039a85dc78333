using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>What went wrong during a robustness run; safe to add to from analyzer threads.</summary>
internal sealed class ProblemLog
{
    private const int Shown = 10;
    private readonly List<string> _problems = new();

    public int Count
    {
        get
        {
            lock (_problems)
                return _problems.Count;
        }
    }

    public void Add(string problem)
    {
        lock (_problems)
            _problems.Add(problem);
    }

    public void AddRange(ProblemLog other)
    {
        foreach (var problem in other.Snapshot())
            Add(problem);
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_problems)
            return _problems.ToList();
    }

    /// <summary>The first problems, how many there were, and how to reproduce the run.</summary>
    public string Describe(int seed)
    {
        var problems = Snapshot();
        return $"{problems.Count} problem(s); reproduce with {RobustnessSeed.VariableName}={seed}.{Environment.NewLine}"
            + string.Join(Environment.NewLine + Environment.NewLine, problems.Take(Shown))
            + (problems.Count > Shown ? $"{Environment.NewLine}… and {problems.Count - Shown} more" : "");
    }
}

/// <summary>The seed of the mutations: fixed, so CI is reproducible; overridable to explore more inputs.</summary>
internal static class RobustnessSeed
{
    public const string VariableName = "FTP_ROBUSTNESS_SEED";
    private const int DefaultSeed = 959;

    public static int Value { get; } =
        int.TryParse(Environment.GetEnvironmentVariable(VariableName), out var seed) ? seed : DefaultSeed;
}
