using System;
using System.Diagnostics;
using System.IO;

namespace Ftp.Client.Tests.Servers;

/// <summary>
/// Pure-FTPd (Debian's pure-ftpd, unpacked by <c>.ci/install-ftp-servers.sh</c>: it conflicts with
/// the vsftpd package, so it is never installed) in the foreground on 127.0.0.1 and a free port.
/// It has no setting for the folder a session starts in, so the fixture logs in a virtual user of
/// its own (ftptest, in a PureDB file in the scratch folder) that runs as the local ftptest
/// account and is chrooted to the home folder. Needs root.
/// </summary>
public sealed class PureFtpdServer : FtpTestServer
{
    /// <summary>Where the install script unpacks the server.</summary>
    public const string ExecutablePath = "/opt/ftpanalyzers-test-servers/pure-ftpd/usr/sbin/pure-ftpd";

    /// <summary>The tool that writes the virtual users' database, from the same package.</summary>
    public const string PasswordToolPath = "/opt/ftpanalyzers-test-servers/pure-ftpd/usr/bin/pure-pw";

    private readonly ServerTls? _tls;

    private PureFtpdServer(string? homeDirectory, ServerTls? tls)
        : base(tls is null ? "Pure-FTPd" : "Pure-FTPd (TLS)", homeDirectory)
    {
        _tls = tls;
    }

    /// <summary>
    /// Starts Pure-FTPd serving <paramref name="homeDirectory"/>, or a new temp folder (writable by
    /// the session user, deleted on dispose) when null. With <paramref name="tls"/> it runs with
    /// TLS 3 (--tls=3: clear-text sessions and clear data connections refused); it has no implicit TLS.
    /// </summary>
    public static PureFtpdServer Start(string? homeDirectory = null, ServerTls? tls = null)
    {
        if (tls is { Implicit: true })
        {
            throw new ArgumentException("Pure-FTPd has no implicit TLS.", nameof(tls));
        }

        RequireFile(ExecutablePath, "Pure-FTPd");
        RequireFile(PasswordToolPath, "pure-pw");
        RequireUser(DefaultUserName);
        RequireRoot("Pure-FTPd");
        return StartOnFreePort(new PureFtpdServer(homeDirectory, tls), (server, port) => server.StartOn(port));
    }

    private string PasswordFile => Path.Combine(ScratchDirectory, "pureftpd.passwd");

    private string UserDatabase => Path.Combine(ScratchDirectory, "pureftpd.pdb");

    /// <summary>
    /// The virtual user: the local account's uid and gid, chrooted to the home folder ("/./").
    /// The password is hashed with SHA-512 crypt by openssl rather than by pure-pw, whose argon2id
    /// hash takes seconds to check on every login.
    /// </summary>
    private void WriteUserDatabase()
    {
        string hash = Run("openssl", new[] { "passwd", "-6", "-stdin" }, Password + "\n").Trim();
        (string uid, string gid) = LocalAccountIds(DefaultUserName);
        File.WriteAllText(PasswordFile, $"{UserName}:{hash}:{uid}:{gid}::{HomeDirectory}/./::::::::::::\n");
        Run(PasswordToolPath, new[] { "mkdb", UserDatabase, "-f", PasswordFile }, input: null);
        if (!File.Exists(UserDatabase))
        {
            throw new ServerStartException("pure-pw did not write the user database.");
        }
    }

    private static (string Uid, string Gid) LocalAccountIds(string userName)
    {
        foreach (string line in File.ReadLines("/etc/passwd"))
        {
            string[] fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == userName)
            {
                return (fields[2], fields[3]);
            }
        }

        throw new InvalidOperationException($"The local user {userName} does not exist.");
    }

    /// <summary>Runs a tool to completion (the password goes on standard input, never on the command line).</summary>
    private static string Run(string fileName, string[] arguments, string? input)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var tool = Process.Start(startInfo) ?? throw new ServerStartException($"{fileName} did not start.");
        if (input is not null)
        {
            tool.StandardInput.Write(input);
        }

        tool.StandardInput.Close();
        var error = tool.StandardError.ReadToEndAsync();
        string output = tool.StandardOutput.ReadToEnd();
        if (!tool.WaitForExit(10_000) || tool.ExitCode != 0)
        {
            throw new ServerStartException($"{fileName} failed: {error.Result}");
        }

        return output;
    }

    private void StartOn(int port)
    {
        WriteUserDatabase();
        string config = Path.Combine(ScratchDirectory, "pure-ftpd.conf");
        File.WriteAllText(config, $"""
            Bind                        127.0.0.1,{port}
            IPV4Only                    yes
            Daemonize                   no
            ChrootEveryone              no
            MaxClientsNumber            50
            MaxClientsPerIP             50
            NoAnonymous                 yes
            SyslogFacility              none
            DontResolve                 yes
            MaxIdleTime                 15
            PureDB                      {UserDatabase}
            MinUID                      100
            AllowUserFXP                no
            AutoRename                  no
            CustomerProof               yes
            PIDFile                     {Path.Combine(ScratchDirectory, "pure-ftpd.pid")}
            {(_tls is null ? "" : $"TLS                         3\nCertFile                    {_tls.Certificate.CombinedPath}")}

            """);
        Launch(new ProcessStartInfo(ExecutablePath) { ArgumentList = { config } }, _ => port);
    }
}
