using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace FtpAnalyzers.Benchmarks.Harness;

/// <summary>A Markdown table, padded so it also reads well in a terminal.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = new();

    /// <summary>How many leading columns hold text (left-aligned); the rest are figures (right-aligned).</summary>
    public int TextColumns { get; init; } = 1;

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter writer)
    {
        var widths = headers.Select((header, column) => Math.Max(header.Length, _rows.Select(row => row[column].Length).DefaultIfEmpty(0).Max())).ToArray();
        writer.WriteLine("| " + string.Join(" | ", headers.Select((header, column) => header.PadRight(widths[column]))) + " |");
        writer.WriteLine("|" + string.Join("|", widths.Select((width, column) => column < TextColumns ? new string('-', width + 2) : new string('-', width + 1) + ":")) + "|");
        foreach (var row in _rows)
            writer.WriteLine("| " + string.Join(" | ", row.Select((cell, column) => column < TextColumns ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))) + " |");
        writer.WriteLine();
    }

    public static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "0.00" : "0", System.Globalization.CultureInfo.InvariantCulture) + " ms";

    public static string Percent(TimeSpan part, TimeSpan whole)
        => whole <= TimeSpan.Zero ? "n/a" : (100 * part.TotalMilliseconds / whole.TotalMilliseconds).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " %";

    public static string Ratio(double ratio) => double.IsNaN(ratio) || double.IsInfinity(ratio) ? "n/a" : ratio.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "×";
}
