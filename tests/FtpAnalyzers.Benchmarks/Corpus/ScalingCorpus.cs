using System.Text;

namespace FtpAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Single huge methods: straight-line code of N statements, a 1,000-block control-flow graph, and
/// deep nesting. Each holds the same two mistakes, one right after the login and one at the very
/// end (RNTO without RNFR), so the table shows whether a bounded analysis still reports them.
/// </summary>
public static class ScalingCorpus
{
    private const string Header = "using System;\nusing System.IO;\nusing Ftp;\n\nnamespace Scaling;\n\npublic static class Huge\n{\n    public static long Run(string host, string[] paths, bool flag, int n)\n    {\n        long total = 0;\n        var sink = new MemoryStream();\n        using var c = FtpConnection.Connect(host);\n        c.Login(\"user\", \"password\");\n        c.Rnto(\"early.txt\");\n";
    private const string Footer = "        c.Rnto(\"late.txt\");\n        return total + sink.Length;\n    }\n}\n";

    /// <summary>A method of about <paramref name="statementCount"/> statements, mostly FTP commands, a few branches.</summary>
    public static string StraightLine(int statementCount)
    {
        var text = new StringBuilder(Header);
        for (var statement = 0; statement < statementCount; statement++)
        {
            text.Append("        ").Append((statement % 8) switch
            {
                0 => "c.Pasv();",
                1 => $"c.Retr(paths[{statement % 3}], sink);",
                2 => "c.Noop();",
                3 => $"total += c.Size(paths[{statement % 3}]).Code;",
                4 => "if (flag) c.Cwd(\"up\"); else c.Pwd();",
                5 => "c.Epsv();",
                6 => "c.List(sink);",
                _ => $"c.SendCommand(\"NOOP {statement}\");",
            }).Append('\n');
        }
        return text.Append(Footer).ToString();
    }

    /// <summary>About <paramref name="blockCount"/> basic blocks: branches and loops in sequence.</summary>
    public static string ManyBlocks(int blockCount)
    {
        var text = new StringBuilder(Header);
        // Each group below adds about 3.3 blocks to the graph (measured: the table prints the real count).
        for (var group = 0; group < blockCount * 3 / 10; group++)
        {
            if (group % 5 == 4)
                text.Append($"        for (var i{group} = 0; i{group} < n; i{group}++) {{ c.Pasv(); c.Retr(paths[0], sink); }}\n");
            else
                text.Append($"        if (n == {group}) {{ c.Pasv(); c.Retr(paths[0], sink); }} else {{ c.Noop(); }}\n");
        }
        return text.Append(Footer).ToString();
    }

    /// <summary>Statements nested <paramref name="depth"/> deep: if, while, try/finally and using in turn.</summary>
    public static string DeepNesting(int depth)
    {
        var text = new StringBuilder(Header);
        for (var level = 0; level < depth; level++)
        {
            text.Append((level % 4) switch
            {
                0 => "        if (flag) {\n",
                1 => $"        while (n > {level}) {{\n",
                2 => "        try {\n",
                _ => "        using (var s" + level + " = new MemoryStream()) {\n",
            });
            text.Append("        c.Pasv(); c.Retr(paths[0], sink);\n");
        }
        for (var level = depth - 1; level >= 0; level--)
        {
            text.Append((level % 4) switch
            {
                1 => "        n--; }\n",
                2 => "        } finally { c.Noop(); }\n",
                _ => "        }\n",
            });
        }
        return text.Append(Footer).ToString();
    }
}
