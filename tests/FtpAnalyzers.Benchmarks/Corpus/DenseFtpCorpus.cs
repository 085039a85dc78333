using System;
using System.Collections.Generic;
using System.Text;

namespace FtpAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Code that uses Ftp.Client heavily: every method opens a connection and sends 10–50 commands
/// through branches, loops, try/finally, async/await, lambdas and raw <c>SendCommand</c>; about one
/// method in twelve makes a sequence mistake (PASS before USER, RNTO without RNFR, LIST without
/// PASV, a command between RNFR and RNTO, a command before login). One method in ten disposes
/// neither its connection nor a StreamWriter it opens, so CA2000 has something to report.
/// </summary>
public static class DenseFtpCorpus
{
    public const int MethodsPerFile = 10;

    public static IReadOnlyList<(string Path, string Text)> Generate(int methodCount, int seed)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        for (var first = 0; first < methodCount; first += MethodsPerFile)
        {
            var fileIndex = first / MethodsPerFile;
            var text = new StringBuilder();
            text.Append("using System;\nusing System.Collections.Generic;\nusing System.IO;\nusing System.Threading.Tasks;\nusing Ftp;\n\n");
            text.Append("namespace Dense;\n\npublic sealed class Transfers").Append(fileIndex).Append("\n{\n");
            for (var method = first; method < Math.Min(methodCount, first + MethodsPerFile); method++)
                new MethodWriter(text, random, method).Write();
            WriteHelpers(text, fileIndex);
            text.Append("}\n");
            files.Add(($"Dense/Transfers{fileIndex:D4}.cs", text.ToString()));
        }
        return files;
    }

    /// <summary>
    /// Each file's helpers, the same in every file and written after its methods (so that the
    /// random methods do not change): sign-in, upload and download helpers that receive the
    /// connection, and one method that works through them; in one file in twelve it lists on the
    /// data connection the upload helper used up (FTP0004). What following them costs is the
    /// difference between the rows with and without helper summaries.
    /// </summary>
    private static void WriteHelpers(StringBuilder text, int fileIndex)
    {
        text.Append($$"""

                private static void SignIn(FtpConnection c, string user, string password)
                {
                    c.User(user);
                    c.Pass(password);
                }

                private static void Put(FtpConnection c, string path, Stream data)
                {
                    c.Pasv();
                    c.Stor(path, data);
                }

                private static long Fetch(FtpConnection c, string path, Stream sink)
                {
                    c.Epsv();
                    c.Retr(path, sink);
                    return sink.Length;
                }

                public static long RunThroughHelpers{{fileIndex}}(string host, string user, string password, string[] paths)
                {
                    using var c = FtpConnection.Connect(host);
                    var sink = new MemoryStream();
                    SignIn(c, user, password);
                    Put(c, paths[0], sink);
                    var total = Fetch(c, paths[1], sink);
                    {{(fileIndex % 12 == 5 ? "c.Nlst(sink); // FTP0004: Fetch's RETR used the EPSV up." : "c.Epsv();\n        c.Nlst(sink);")}}
                    c.Quit();
                    return total;
                }

            """);
    }

    /// <summary>Writes one method; <see cref="_budget"/> counts the FTP commands still to send.</summary>
    private sealed class MethodWriter
    {
        private readonly StringBuilder _text;
        private readonly Random _random;
        private readonly int _index;
        private readonly bool _async;
        private int _budget;
        private int _depth = 1;
        private int _locals;

        public MethodWriter(StringBuilder text, Random random, int index)
        {
            _text = text;
            _random = random;
            _index = index;
            _async = random.Next(3) == 0;
            _budget = random.Next(10, 51);
        }

        public void Write()
        {
            var signature = _async
                ? $"public static async Task<long> Run{_index}Async(string host, string user, string password, string[] paths, bool flag)"
                : $"public static long Run{_index}(string host, string user, string password, string[] paths, bool flag)";
            Line(signature);
            Line("{");
            _depth++;
            Line("long total = 0;");
            Line("var sink = new MemoryStream();");
            var disposal = _random.Next(10);
            var connect = _async ? "await FtpConnection.ConnectAsync(host)" : "FtpConnection.Connect(host)";
            if (disposal == 0)
            {
                // Never disposed. CA2000 does not track objects returned by a factory such as
                // Connect, so the method also leaks a StreamWriter, which CA2000 does report.
                Line($"var c = {connect};");
                Line("var log = new StreamWriter(paths[0]);");
                Line("log.WriteLine(host);");
            }
            else if (disposal == 1)
            {
                Line($"var c = {connect};");
                Line("try");
                Line("{");
                _depth++;
            }
            else
            {
                Line(_async ? $"await using var c = {connect};" : $"using var c = {connect};");
            }

            var mistake = _random.Next(12) == 0 ? _random.Next(5) : -1;
            if (mistake == 4)
                Command("Pwd()"); // FTP0005: a command before the login.
            if (mistake == 0)
            {
                Command("Pass(password)"); // FTP0001: PASS before USER.
                Command("User(user)");
            }
            else
            {
                Login();
            }
            while (_budget > 0)
                Block(allowNesting: true);
            if (mistake == 1)
                Command("Rnto(\"renamed.txt\")"); // FTP0002: RNTO without RNFR.
            if (mistake == 2)
                Command("List(sink)"); // FTP0004: LIST without PASV/EPSV.
            if (mistake == 3)
            {
                Command("Rnfr(\"a.txt\")"); // FTP0003: a command between RNFR and RNTO.
                Command("Noop()");
                Command("Rnto(\"b.txt\")");
            }
            Command("Quit()");

            if (disposal == 1)
            {
                _depth--;
                Line("}");
                Line("finally");
                Line("{");
                Line(_async ? "    await c.DisposeAsync();" : "    c.Dispose();");
                Line("}");
            }
            Line("return total + sink.Length;");
            _depth--;
            Line("}");
            Line("");
        }

        private void Login()
        {
            if (_random.Next(2) == 0)
            {
                Command("Login(user, password)");
            }
            else
            {
                Command("User(user)");
                Command("Pass(password)");
            }
        }

        private void Block(bool allowNesting)
        {
            var choice = _random.Next(allowNesting && _depth < 6 ? 14 : 8);
            switch (choice)
            {
                case 0: Command("Pwd()"); break;
                case 1: Command("Cwd(paths[0])"); Command("Type(FtpDataType.Binary)"); break;
                case 2: Command(_random.Next(2) == 0 ? "Pasv()" : "Epsv()"); Command("Retr(paths[0], sink)"); break;
                case 3: Command("Epsv()"); Command("List(sink)"); break;
                case 4: Command("Rnfr(paths[0])"); Command("Rnto(paths[0] + \".bak\")"); break;
                case 5:
                    Raw(_random.Next(3) switch { 0 => "\"NOOP\"", 1 => "\"CWD \" + paths[0]", _ => "\"SITE CHMOD 644 \" + paths[0]" });
                    break;
                case 6:
                    Line($"var size{++_locals} = {Call("Size(paths[0])")};");
                    Line($"if (size{_locals}.IsPositiveCompletion) total += size{_locals}.Code;");
                    _budget--;
                    break;
                case 7: Command("Mkd(\"out\")"); Command("Feat()"); break;
                case 8:
                    Line("if (flag)");
                    Nested(() => { Block(false); Block(true); });
                    Line("else");
                    Nested(() => Block(true));
                    break;
                case 9:
                    var path = $"path{++_locals}";
                    Line($"foreach (var {path} in paths)");
                    Nested(() =>
                    {
                        Command("Pasv()");
                        Command($"Retr({path}, sink)");
                        if (_random.Next(2) == 0)
                            Block(false);
                    });
                    break;
                case 10:
                    Line("try");
                    Nested(() => { Block(true); Block(false); });
                    Line("finally");
                    Nested(() => Command("Noop()"));
                    break;
                case 11:
                    var counter = $"i{++_locals}";
                    Line($"for (var {counter} = 0; {counter} < paths.Length && !flag; {counter}++)");
                    Nested(() => { Command("Epsv()"); Command($"Stor(paths[{counter}], sink)"); });
                    break;
                case 12:
                    // A lambda: its commands run whenever it is called, which flow rules must not assume.
                    Line($"Func<FtpReply> probe{++_locals} = () => c.Stat(paths[0]);");
                    Line($"total += probe{_locals}().Code;");
                    _budget--;
                    break;
                default:
                    Line("while (total < 100)");
                    Nested(() =>
                    {
                        Command("Noop()");
                        Line("total += 10;");
                        Line("if (flag) break;");
                    });
                    break;
            }
        }

        private void Nested(Action body)
        {
            Line("{");
            _depth++;
            body();
            _depth--;
            Line("}");
        }

        private string Call(string invocation)
            => _async ? $"await c.{invocation.Insert(invocation.IndexOf('('), "Async")}" : $"c.{invocation}";

        private void Command(string invocation)
        {
            Line(Call(invocation) + ";");
            _budget--;
        }

        private void Raw(string commandLine)
        {
            Line(_async ? $"await c.SendCommandAsync({commandLine});" : $"c.SendCommand({commandLine});");
            _budget--;
        }

        private void Line(string line)
            => _text.Append(' ', _depth * 4).Append(line).Append('\n');
    }
}
