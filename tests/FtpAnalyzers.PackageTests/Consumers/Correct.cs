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
}
