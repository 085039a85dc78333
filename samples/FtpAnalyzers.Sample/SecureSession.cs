using System.IO;
using Ftp;

/// <summary>
/// FTPS set-up mistakes (FTP0008-FTP0010), each on a connection of its own, and what the servers
/// in docs/ftps-servers.md answer. Not called by Program.cs, which runs against plain FTP servers:
/// shown for the analyzers and for `dotnet format analyzers`, which fixes each of them.
/// </summary>
internal static class SecureSession
{
    public static void DownloadThreeTimes(string host, int port, string user, string password, Stream content)
    {
        using (var first = FtpConnection.Connect(host, port))
        {
            first.Login(user, password);
            // FTP0009: AUTH TLS after the login: the password has already crossed the network in
            // clear. vsftpd answers the USER with 530 and closes; other servers may accept it.
            first.AuthTls();
            first.Pbsz(0);
            first.Prot(FtpProtection.Private);
            first.Download("hello.txt", content);
        }

        using (var second = FtpConnection.Connect(host, port))
        {
            // FTP0008: PBSZ before AUTH TLS: 503 "PBSZ needs a secure connection." (550 on ProFTPD),
            // and the PROT after it then has no accepted PBSZ (pyftpdlib: 503).
            second.Pbsz(0);
            second.AuthTls();
            second.Prot(FtpProtection.Private);
            second.Login(user, password);
            second.Download("hello.txt", content);
        }

        using (var third = FtpConnection.Connect(host, port))
        {
            third.AuthTls();
            third.Login(user, password);
            // FTP0010: AUTH TLS protects the commands, not the data: without PROT P the file
            // travels in clear (vsftpd and ProFTPD refuse with 522, Pure-FTPd 521).
            third.Download("hello.txt", content);
        }
    }
}
