using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Ftp.Client.Tests.Servers;

namespace FtpAnalyzers.PackageTests;

/// <summary>
/// `dotnet format analyzers` in a user's project applies the packaged fixes: a copy of the sample,
/// with every marked mistake, comes out building clean under -warnaserror and runs to completion
/// against a real server.
/// </summary>
public sealed class FormatTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    private static readonly string[] Rules = ["FTP0001", "FTP0002", "FTP0003", "FTP0004", "FTP0005", "FTP0006", "FTP0007", "FTP0008", "FTP0009", "FTP0010"];

    [Fact]
    public void Format_fixes_every_rule_in_the_sample_and_the_result_runs_against_pyftpdlib()
    {
        var consumer = feed.CreateConsumer("format");
        var sampleDirectory = Path.Combine(feed.RepositoryRoot, "samples", "FtpAnalyzers.Sample");
        foreach (var file in Directory.EnumerateFiles(sampleDirectory, "*.cs"))
            consumer.WithSource(Path.GetFileName(file), File.ReadAllText(file));

        var before = consumer.Build();
        Assert.True(before.Succeeded, before.ToString());
        Assert.Equal(Rules, before.FtpDiagnostics.Select(d => d.Id).Distinct().Order());

        var format = consumer.Format(Rules);
        Assert.True(format.ExitCode == 0, format.ToString());

        var after = consumer.Build("-warnaserror");
        Assert.True(after.Succeeded, after + "\n\nFixed Program.cs:\n" + consumer.ReadSource("Program.cs"));
        Assert.Empty(after.FtpDiagnostics);

        using var server = PyftpdlibServer.Start();
        File.WriteAllText(Path.Combine(server.HomeDirectory, "hello.txt"), "Hello, FTP!\n");
        var run = consumer.Run("run", "--no-build", "--", server.Host, server.Port.ToString(), server.UserName, server.Password);
        Assert.True(run.ExitCode == 0, run + "\n\nFixed Program.cs:\n" + consumer.ReadSource("Program.cs"));
        // Both loop iterations downloaded the file (13 bytes: the default TYPE A turns LF into CRLF).
        Assert.Equal(2, Regex.Matches(run.Output, @"hello\.txt: 1[23] bytes").Count);
    }
}
