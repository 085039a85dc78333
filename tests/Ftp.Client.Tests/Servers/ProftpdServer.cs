using System;
using System.Diagnostics;
using System.IO;

namespace Ftp.Client.Tests.Servers;

/// <summary>
/// ProFTPD (Debian's proftpd-core, unpacked by <c>.ci/install-ftp-servers.sh</c>: it conflicts with
/// the vsftpd package, so it is never installed) in the foreground on 127.0.0.1 and a free port,
/// logging in the local user ftptest from /etc/shadow and starting its sessions in the home folder.
/// It is the server that refuses a command between RNFR and RNTO (501), which FTP0003 reports.
/// Needs root (ProFTPD switches each session to the logged-in user).
/// </summary>
public sealed class ProftpdServer : FtpTestServer
{
    /// <summary>Where the install script unpacks the server.</summary>
    public const string ExecutablePath = "/opt/ftpanalyzers-test-servers/proftpd/usr/sbin/proftpd";

    /// <summary>Where the install script unpacks mod_tls (from proftpd-mod-crypto) beside the core modules.</summary>
    public const string ModulePath = "/opt/ftpanalyzers-test-servers/proftpd/usr/lib/proftpd";

    private readonly ServerTls? _tls;

    private ProftpdServer(string? homeDirectory, ServerTls? tls)
        : base(tls is null ? "ProFTPD" : tls.Implicit ? "ProFTPD (implicit TLS)" : "ProFTPD (TLS)", homeDirectory)
    {
        _tls = tls;
    }

    /// <summary>
    /// Starts ProFTPD serving <paramref name="homeDirectory"/>, or a new temp folder (writable by
    /// the session user, deleted on dispose) when null. With <paramref name="tls"/> it loads mod_tls
    /// with TLSRequired on (logins and data) and mod_tls's default TLSOptions, under which data
    /// connections must resume the control connection's TLS session.
    /// </summary>
    public static ProftpdServer Start(string? homeDirectory = null, ServerTls? tls = null)
    {
        if (tls is not null)
        {
            RequireFile(Path.Combine(ModulePath, "mod_tls.so"), "ProFTPD's mod_tls (package proftpd-mod-crypto)");
        }

        RequireFile(ExecutablePath, "ProFTPD");
        RequireUser(DefaultUserName);
        RequireRoot("ProFTPD");
        return StartOnFreePort(new ProftpdServer(homeDirectory, tls), (server, port) => server.StartOn(port));
    }

    private void StartOn(int port)
    {
        string config = Path.Combine(ScratchDirectory, "proftpd.conf");

        // Only the modules compiled into proftpd-core: local accounts from /etc/passwd and
        // /etc/shadow (no PAM, no valid shell needed: ftptest has none), no delays, no DNS.
        // The scoreboard's folder must not be world-writable: the scratch folder is not.
        // AllowStoreRestart: without it ProFTPD refuses APPE (and REST before STOR) with 451.
        File.WriteAllText(config, $"""
            ServerName          "FtpAnalyzers tests"
            ServerType          standalone
            DefaultServer       on
            Port                {port}
            DefaultAddress      127.0.0.1
            SocketBindTight     on
            UseIPv6             off
            User                nobody
            Group               nogroup
            Umask               022
            AllowOverwrite      on
            AllowStoreRestart   on
            RequireValidShell   off
            UseReverseDNS       off
            DelayEngine         off
            WtmpLog             off
            AuthPAM             off
            AuthOrder           mod_auth_unix.c
            MaxLoginAttempts    100
            DefaultChdir        {HomeDirectory}
            ScoreboardFile      {Path.Combine(ScratchDirectory, "proftpd.scoreboard")}
            PidFile             {Path.Combine(ScratchDirectory, "proftpd.pid")}
            SystemLog           {Path.Combine(ScratchDirectory, "proftpd.log")}
            TransferLog         NONE
            {TlsSettings()}

            """);
        Launch(new ProcessStartInfo(ExecutablePath) { ArgumentList = { "--nodaemon", "--config", config } }, _ => port);
    }

    private string TlsSettings() => _tls is null
        ? ""
        : $"""
            ModulePath          {ModulePath}
            LoadModule          mod_tls.c
            TLSEngine           on
            TLSRequired         on
            TLSProtocol         TLSv1.2 TLSv1.3
            TLSRSACertificateFile    {_tls.Certificate.CertificatePath}
            TLSRSACertificateKeyFile {_tls.Certificate.KeyPath}
            TLSVerifyClient     off
            TLSLog              {Path.Combine(ScratchDirectory, "tls.log")}
            {(_tls.Implicit ? "TLSOptions          UseImplicitSSL" : "")}
            """;
}
