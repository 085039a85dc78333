using System;
using System.Diagnostics;
using System.IO;

namespace Ftp.Client.Tests.Servers;

/// <summary>
/// vsftpd (Debian's package, /usr/sbin/vsftpd) in the foreground on 127.0.0.1 and a free port,
/// logging in the local user ftptest through PAM and starting its sessions in the home folder.
/// Needs root (vsftpd switches to the user) and <c>.ci/install-ftp-servers.sh</c>.
/// </summary>
public sealed class VsftpdServer : FtpTestServer
{
    /// <summary>Where Debian installs the server.</summary>
    public const string ExecutablePath = "/usr/sbin/vsftpd";

    private readonly ServerTls? _tls;

    private VsftpdServer(string? homeDirectory, ServerTls? tls)
        : base(tls is null ? "vsftpd" : tls.Implicit ? "vsftpd (implicit TLS)" : "vsftpd (TLS)", homeDirectory)
    {
        _tls = tls;
    }

    /// <summary>
    /// Starts vsftpd serving <paramref name="homeDirectory"/>, or a new temp folder (writable by
    /// the session user, deleted on dispose) when null. A folder given here is used as it is: the
    /// ftptest user must be able to read it, and to write it for uploads. With <paramref name="tls"/>
    /// it speaks FTPS (ssl_enable=YES) with vsftpd's own defaults: logins and data must be TLS
    /// (force_local_logins_ssl, force_local_data_ssl) and data connections must resume the control
    /// connection's session (require_ssl_reuse).
    /// </summary>
    public static VsftpdServer Start(string? homeDirectory = null, ServerTls? tls = null)
    {
        RequireFile(ExecutablePath, "vsftpd");
        RequireUser(DefaultUserName);
        RequireRoot("vsftpd");
        return StartOnFreePort(new VsftpdServer(homeDirectory, tls), (server, port) => server.StartOn(port));
    }

    private void StartOn(int port)
    {
        string empty = Path.Combine(ScratchDirectory, "empty");
        Directory.CreateDirectory(empty);
        string config = Path.Combine(ScratchDirectory, "vsftpd.conf");

        // pam_service_name names no file in /etc/pam.d, so PAM uses "other" (pam_unix): the
        // Debian "vsftpd" service would also demand a login shell listed in /etc/shells.
        File.WriteAllText(config, $"""
            listen=YES
            listen_ipv6=NO
            listen_address=127.0.0.1
            listen_port={port}
            background=NO
            anonymous_enable=NO
            local_enable=YES
            write_enable=YES
            local_umask=022
            local_root={HomeDirectory}
            chroot_local_user=NO
            userlist_enable=NO
            pam_service_name=ftpanalyzers-tests-vsftpd
            secure_chroot_dir={empty}
            pasv_enable=YES
            port_enable=YES
            connect_from_port_20=NO
            delay_failed_login=0
            delay_successful_login=0
            max_login_fails=100
            xferlog_enable=NO
            seccomp_sandbox=NO
            isolate=NO
            isolate_network=NO
            {TlsSettings()}

            """);
        Launch(new ProcessStartInfo(ExecutablePath) { ArgumentList = { config } }, _ => port);
    }

    private string TlsSettings() => _tls is null
        ? "ssl_enable=NO"
        : $"""
            ssl_enable=YES
            rsa_cert_file={_tls.Certificate.CertificatePath}
            rsa_private_key_file={_tls.Certificate.KeyPath}
            implicit_ssl={(_tls.Implicit ? "YES" : "NO")}
            {(_tls.RequireClientCertificate ? $"require_cert=YES\nvalidate_cert=YES\nca_certs_file={TestCertificates.AuthorityPath}" : "require_cert=NO")}
            """;
}
