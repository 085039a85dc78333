using System;
using System.Collections.Generic;
using System.Linq;

namespace FtpAnalyzers.Tests.Robustness;

/// <summary>The inputs of the robustness tests, all derived from the corpus and a seed.</summary>
internal static class MutatedInputs
{
    /// <summary>
    /// The corpus as is, truncations every few characters (about 800 in all), then random mutations
    /// up to <paramref name="total"/>. Input #i is the same for the same seed on every machine.
    /// </summary>
    public static IReadOnlyList<MutatedInput> Create(int seed, int total)
    {
        var corpus = RobustnessCorpus.Files;
        var inputs = corpus.Select(file => new MutatedInput(file.Name + " (unchanged)", file.Text)).ToList();
        var step = Math.Max(7, corpus.Sum(file => file.Text.Length) / 800);
        foreach (var (name, text) in corpus)
            inputs.AddRange(Mutator.Truncations(name, text, step));
        var random = new Random(seed);
        while (inputs.Count < total)
        {
            var (name, text) = corpus[random.Next(corpus.Count)];
            inputs.Add(Mutator.Random(name, text, new Random(random.Next())));
        }
        return inputs;
    }

    /// <summary>Corpus files reordered or with duplicated statements: code that may still compile.</summary>
    public static IEnumerable<MutatedInput> Reorderings(int seed, int count)
    {
        var corpus = RobustnessCorpus.Files;
        var random = new Random(seed);
        for (var index = 0; index < count; index++)
        {
            var (name, text) = corpus[random.Next(corpus.Count)];
            yield return Mutator.Reordering(name, text, new Random(random.Next()));
        }
    }
}
