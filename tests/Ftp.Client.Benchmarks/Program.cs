using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Ftp;
using Ftp.Client.Tests.Servers;

// dotnet run -c Release --project tests/Ftp.Client.Benchmarks -- [--size MiB | --smoke] [--repetitions N]
// Times Ftp.Client's Download and Upload against curl moving the same file through the same
// vsftpd on 127.0.0.1 in the same run, over plain FTP and over FTPS (curl --ssl-reqd), and shows the process's peak memory staying flat while
// files far larger than it stream through.
int sizeMiB = 256;
int repetitions = 3;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--size" when i + 1 < args.Length:
            sizeMiB = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--smoke":
            sizeMiB = 8;
            repetitions = 1;
            break;
        case "--repetitions" when i + 1 < args.Length:
            repetitions = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine("usage: Ftp.Client.Benchmarks [--size MiB | --smoke] [--repetitions N]");
            return 2;
    }
}

if (!File.Exists("/usr/bin/curl"))
{
    Console.Error.WriteLine("curl is missing (apt-get install curl).");
    return 1;
}

long size = sizeMiB * 1024L * 1024L;
string work = Path.Combine(Path.GetTempPath(), "ftp-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8));
Directory.CreateDirectory(work);
try
{
    long peakBefore = PeakWorkingSet();
    long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    Console.WriteLine($"File {sizeMiB} MiB, {repetitions} repetition(s); peak working set before transfers: {Mib(peakBefore)}");

    using (VsftpdServer plain = VsftpdServer.Start())
    {
        Measure("FTP", plain, new FtpConnectionOptions { ReadTimeout = TimeSpan.FromSeconds(60) }, Array.Empty<string>());
    }

    // FTPS: vsftpd's secure defaults (TLS forced for logins and data, session reuse required);
    // the client over TLS 1.2 and over TLS 1.3 (its default, tickets resuming every data
    // connection), curl with --ssl-reqd trusting the same test CA, held to the same version.
    string authority = Path.Combine(work, "ca.pem");
    File.WriteAllText(authority, TestCertificates.Authority.ExportCertificatePem() + "\n");
    using (VsftpdServer secure = VsftpdServer.Start(tls: ServerTls.Explicit))
    {
        FtpConnectionOptions TlsOptions(SslProtocols protocols) => new()
        {
            ReadTimeout = TimeSpan.FromSeconds(60),
            Encryption = FtpEncryption.Explicit,
            SslProtocols = protocols,
            ServerCertificateValidation = TestCertificates.TrustTestCa,
        };

        Measure("FTPS (explicit TLS 1.2)", secure, TlsOptions(SslProtocols.Tls12), new[] { "--ssl-reqd", "--tlsv1.2", "--tls-max", "1.2", "--cacert", authority });
        Measure("FTPS (explicit TLS 1.3, the default)", secure, TlsOptions(SslProtocols.None), new[] { "--ssl-reqd", "--tlsv1.3", "--cacert", authority });
    }

    long peakAfter = PeakWorkingSet();
    long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    Console.WriteLine("Times are medians of end-to-end runs (connect, [AUTH TLS,] login, [PBSZ, PROT,] TYPE I, EPSV, transfer, QUIT; curl: its whole process).");
    Console.WriteLine($"Peak working set of this process: {Mib(peakBefore)} before the transfers, {Mib(peakAfter)} after moving {Mib(size * 12L * repetitions)} through the client.");
    Console.WriteLine($"Managed memory allocated by all client transfers together: {Mib(allocated)}.");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

void Measure(string title, VsftpdServer server, FtpConnectionOptions options, string[] curlOptions)
{
    string source = Path.Combine(server.HomeDirectory, "source.bin");
    WriteRandomFile(source, size);
    string expectedHash = Hash(source);
    string local = Path.Combine(work, "local.bin");
    File.Copy(source, local, overwrite: true);
    var results = new Dictionary<string, List<double>>();
    void Record(string name, double seconds)
    {
        if (!results.TryGetValue(name, out List<double>? list))
        {
            results[name] = list = new List<double>();
        }

        list.Add(seconds);
    }

    Console.WriteLine($"{title}: vsftpd on 127.0.0.1:{server.Port}");
    for (int run = 1; run <= repetitions; run++)
    {
        string target = Path.Combine(work, "download.bin");

        Record("download sync", Time(() =>
        {
            using FtpConnection ftp = FtpConnection.Connect(server.Host, server.Port, options);
            ftp.Login(server.UserName, server.Password);
            using FileStream file = File.Create(target);
            ftp.Download("source.bin", file);
            ftp.Quit();
        }));
        Check(target, expectedHash, "download sync");

        Record("download async", Time(() =>
        {
            Task.Run(async () =>
            {
                await using FtpConnection ftp = await FtpConnection.ConnectAsync(server.Host, server.Port, options);
                await ftp.LoginAsync(server.UserName, server.Password);
                await using FileStream file = new(target, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
                await ftp.DownloadAsync("source.bin", file);
                await ftp.QuitAsync();
            }).GetAwaiter().GetResult();
        }));
        Check(target, expectedHash, "download async");

        Record("download curl", Time(() => Curl(server, curlOptions, "-o", target, $"ftp://{server.Host}:{server.Port}/source.bin")));
        Check(target, expectedHash, "download curl");

        Record("upload sync", Time(() =>
        {
            using FtpConnection ftp = FtpConnection.Connect(server.Host, server.Port, options);
            ftp.Login(server.UserName, server.Password);
            using FileStream file = File.OpenRead(local);
            ftp.Upload("upload-sync.bin", file);
            ftp.Quit();
        }));
        Check(Path.Combine(server.HomeDirectory, "upload-sync.bin"), expectedHash, "upload sync");

        Record("upload async", Time(() =>
        {
            Task.Run(async () =>
            {
                await using FtpConnection ftp = await FtpConnection.ConnectAsync(server.Host, server.Port, options);
                await ftp.LoginAsync(server.UserName, server.Password);
                await using FileStream file = new(local, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
                await ftp.UploadAsync("upload-async.bin", file);
                await ftp.QuitAsync();
            }).GetAwaiter().GetResult();
        }));
        Check(Path.Combine(server.HomeDirectory, "upload-async.bin"), expectedHash, "upload async");

        Record("upload curl", Time(() => Curl(server, curlOptions, "-T", local, $"ftp://{server.Host}:{server.Port}/upload-curl.bin")));
        Check(Path.Combine(server.HomeDirectory, "upload-curl.bin"), expectedHash, "upload curl");

        foreach (string name in new[] { "upload-sync.bin", "upload-async.bin", "upload-curl.bin" })
        {
            File.Delete(Path.Combine(server.HomeDirectory, name));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"| {title} | Ftp.Client sync | Ftp.Client async | curl | sync / curl | async / curl |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (string operation in new[] { "download", "upload" })
    {
        double sync = Median(results[operation + " sync"]);
        double asynchronous = Median(results[operation + " async"]);
        double curl = Median(results[operation + " curl"]);
        Console.WriteLine(FormattableString.Invariant(
            $"| {operation} {sizeMiB} MiB | {sync:0.000} s ({Rate(size, sync)}) | {asynchronous:0.000} s ({Rate(size, asynchronous)}) | {curl:0.000} s ({Rate(size, curl)}) | {sync / curl:0.00} | {asynchronous / curl:0.00} |"));
    }

    Console.WriteLine();
}

static double Time(Action action)
{
    var stopwatch = Stopwatch.StartNew();
    action();
    return stopwatch.Elapsed.TotalSeconds;
}

static void Curl(VsftpdServer server, string[] options, params string[] arguments)
{
    var start = new ProcessStartInfo("/usr/bin/curl") { RedirectStandardError = true, UseShellExecute = false };
    foreach (string argument in new[] { "--silent", "--show-error", "--user", server.UserName + ":" + server.Password }.Concat(options).Concat(arguments))
    {
        start.ArgumentList.Add(argument);
    }

    using Process curl = Process.Start(start)!;
    string errors = curl.StandardError.ReadToEnd();
    curl.WaitForExit();
    if (curl.ExitCode != 0)
    {
        throw new InvalidOperationException($"curl failed ({curl.ExitCode}): {errors}");
    }
}

static void WriteRandomFile(string path, long size)
{
    var buffer = new byte[1024 * 1024];
    using FileStream file = File.Create(path);
    for (long written = 0; written < size; written += buffer.Length)
    {
        RandomNumberGenerator.Fill(buffer);
        file.Write(buffer, 0, (int)Math.Min(buffer.Length, size - written));
    }
}

static string Hash(string path)
{
    using FileStream file = File.OpenRead(path);
    return Convert.ToHexString(SHA256.HashData(file));
}

static void Check(string path, string expectedHash, string what)
{
    if (Hash(path) != expectedHash)
    {
        throw new InvalidOperationException($"{what}: the file differs from the source.");
    }
}

static double Median(List<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

// VmHWM: the peak resident set size of the process since it started (Linux).
static long PeakWorkingSet()
{
    foreach (string line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return long.Parse(line.Substring(6).Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }

    return Process.GetCurrentProcess().PeakWorkingSet64;
}

static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";

static string Rate(long bytes, double seconds) => (bytes / 1024.0 / 1024.0 / seconds).ToString("0", CultureInfo.InvariantCulture) + " MiB/s";
