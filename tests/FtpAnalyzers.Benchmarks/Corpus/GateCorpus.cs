using System;
using System.Collections.Generic;
using System.Text;

namespace FtpAnalyzers.Benchmarks.Corpus;

/// <summary>
/// A project that never references Ftp.Client: string splitting, arithmetic, LINQ, sockets and, in one
/// file in 25, a hand-written 227/229 reply parser (what FTP0006/FTP0007 look at without Ftp.Client).
/// It measures what the rules' prefilters cost on code that is not FTP code.
/// </summary>
public static class GateCorpus
{
    public static IReadOnlyList<(string Path, string Text)> Generate(int fileCount, int seed)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>(fileCount);
        for (var index = 0; index < fileCount; index++)
            files.Add(($"Gate/File{index:D4}.cs", GenerateFile(index, random)));
        return files;
    }

    private static string GenerateFile(int index, Random random)
    {
        var text = new StringBuilder();
        text.Append("using System;\nusing System.Collections.Generic;\nusing System.IO;\nusing System.Linq;\nusing System.Net;\nusing System.Net.Sockets;\nusing System.Text;\nusing System.Threading.Tasks;\n\n");
        text.Append("namespace Gate.Area").Append(index % 40).Append(";\n\n");
        text.Append("public sealed class Worker").Append(index).Append("\n{\n");
        text.Append("    private readonly Dictionary<string, int> _counts = new();\n");
        text.Append("    public int Total { get; private set; }\n\n");
        var methodCount = 4 + random.Next(4);
        for (var method = 0; method < methodCount; method++)
        {
            var name = $"M{method}";
            switch (index % 25 == 0 && method == 0 ? 0 : random.Next(1, 7))
            {
                case 0: AppendPassiveReplyParser(text, name, random); break;
                case 1: AppendCsvSum(text, name); break;
                case 2: AppendArithmetic(text, name, random); break;
                case 3: AppendSocketExchange(text, name); break;
                case 4: AppendLinq(text, name); break;
                case 5: AppendTextReport(text, name); break;
                default: AppendStateMachine(text, name, random); break;
            }
        }
        text.Append("}\n");
        return text.ToString();
    }

    private static void AppendPassiveReplyParser(StringBuilder text, string name, Random random)
    {
        if (random.Next(2) == 0)
        {
            text.Append($$"""
                    public static IPEndPoint {{name}}(string reply)
                    {
                        int open = reply.IndexOf('(');
                        int close = reply.IndexOf(')', open + 1);
                        string[] parts = reply.Substring(open + 1, close - open - 1).Split(',');
                        string host = string.Join(".", parts, 0, 4);
                        int port = int.Parse(parts[4]) * 256 + int.Parse(parts[5]);
                        return new IPEndPoint(IPAddress.Parse(host), port);
                    }


                """);
        }
        else
        {
            text.Append($$"""
                    public static int {{name}}(string reply)
                    {
                        var start = reply.IndexOf("(|||", StringComparison.Ordinal) + 4;
                        var end = reply.IndexOf('|', start);
                        return int.Parse(reply.Substring(start, end - start));
                    }


                """);
        }
    }

    private static void AppendCsvSum(StringBuilder text, string name)
        => text.Append($$"""
                public int {{name}}(string line)
                {
                    var fields = line.Split(',', StringSplitOptions.TrimEntries);
                    var sum = 0;
                    foreach (var field in fields)
                    {
                        if (int.TryParse(field, out var value))
                            sum += value;
                        else
                            _counts[field] = _counts.TryGetValue(field, out var seen) ? seen + 1 : 1;
                    }
                    Total += sum;
                    return sum;
                }


            """);

    private static void AppendArithmetic(StringBuilder text, string name, Random random)
        => text.Append($$"""
                public static long {{name}}(int[] values)
                {
                    long hash = {{random.Next(1, 1000)}};
                    for (var i = 0; i < values.Length; i++)
                    {
                        hash = unchecked(hash * 31 + values[i]);
                        if (hash % {{random.Next(2, 17)}} == 0)
                            hash ^= hash >> 7;
                    }
                    var high = (int)(hash >> 8) & 0xFF;
                    var low = (int)hash & 0xFF;
                    return high * 256 + low;
                }


            """);

    private static void AppendSocketExchange(StringBuilder text, string name)
        => text.Append($$"""
                public static async Task<string?> {{name}}(string host, int port)
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(host, port);
                    using var stream = client.GetStream();
                    using var reader = new StreamReader(stream, Encoding.ASCII);
                    using var writer = new StreamWriter(stream, Encoding.ASCII) { AutoFlush = true };
                    await writer.WriteLineAsync("HELLO");
                    var line = await reader.ReadLineAsync();
                    if (line is null || line.Length < 3)
                        return null;
                    var code = int.Parse(line.Substring(0, 3));
                    return code >= 400 ? null : line.Substring(4);
                }


            """);

    private static void AppendLinq(StringBuilder text, string name)
        => text.Append($$"""
                public IReadOnlyList<string> {{name}}(IEnumerable<string> words)
                {
                    return words
                        .Where(word => word.Length > 2)
                        .GroupBy(word => word[0])
                        .OrderByDescending(group => group.Count())
                        .Select(group => $"{group.Key}:{group.Count()}")
                        .ToList();
                }


            """);

    private static void AppendTextReport(StringBuilder text, string name)
        => text.Append($$"""
                public string {{name}}(IReadOnlyDictionary<string, double> values)
                {
                    var report = new StringBuilder();
                    foreach (var pair in values)
                    {
                        report.Append(pair.Key).Append(": ");
                        report.AppendLine(pair.Value.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    try
                    {
                        return report.ToString().Trim();
                    }
                    finally
                    {
                        report.Clear();
                    }
                }


            """);

    private static void AppendStateMachine(StringBuilder text, string name, Random random)
        => text.Append($$"""
                public int {{name}}(string input)
                {
                    var state = 0;
                    foreach (var c in input)
                    {
                        state = (state, c) switch
                        {
                            (0, '{') => 1,
                            (1, '}') => 0,
                            (1, _) when char.IsDigit(c) => 2,
                            (2, ',') => 1,
                            _ => state,
                        };
                        if (state == {{random.Next(3)}})
                            Total++;
                    }
                    return state;
                }


            """);
}
