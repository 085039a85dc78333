using System.IO;
using Ftp;

// The same work done right: the rules must stay silent here.
internal static class Correct
{
    private static void Work(string host, string user, string password, Stream destination)
    {
        using var connection = FtpConnection.Connect(host);
        connection.User(user);
        connection.Pass(password);
        connection.Rnfr("a.txt");
        connection.Rnto("b.txt");
        connection.Pasv();
        connection.Retr("b.txt", destination);
        connection.Rename("b.txt", "a.txt");
        connection.Download("a.txt", destination);
        connection.Quit();
    }

    private static void WorkOverTls(string host, string user, string password, Stream destination)
    {
        using var explicitTls = FtpConnection.Connect(host, 21, new FtpConnectionOptions { Encryption = FtpEncryption.Explicit });
        explicitTls.Login(user, password);
        explicitTls.Download("a.txt", destination);

        using var connection = FtpConnection.Connect(host);
        connection.AuthTls();
        connection.Pbsz(0);
        connection.Prot(FtpProtection.Private);
        connection.Login(user, password);
        connection.Download("a.txt", destination);
    }
}
