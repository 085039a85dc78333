using System.IO;
using System.Net;
using System.Net.Sockets;
using Ftp;

// One mistake per rule, each in its own method so that they cannot interact.
// A line ending in "// expect: FTPxxxx" is where the build must report that rule.
internal static class Mistakes
{
    private static void Main()
    {
    }

    private static void PassWithoutUser(string host, string password)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Pass(password); // expect: FTP0001
    }

    private static void RntoWithoutRnfr(string host, string user, string password)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Login(user, password);
        connection.Rnto("b.txt"); // expect: FTP0002
    }

    private static void CommandBetweenRnfrAndRnto(string host, string user, string password)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Login(user, password);
        connection.Rnfr("a.txt"); connection.Pwd(); connection.Rnto("b.txt"); // expect: FTP0003
    }

    private static void TransferWithoutPasv(string host, string user, string password, Stream destination)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Login(user, password);
        connection.Retr("a.txt", destination); // expect: FTP0004
    }

    private static void CommandBeforeLogin(string host)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Pwd(); // expect: FTP0005
    }

    private static void PbszBeforeAuthTls(string host)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Pbsz(0); // expect: FTP0008
        connection.AuthTls();
    }

    private static void LoginBeforeAuthTls(string host, string user, string password)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Login(user, password);
        connection.AuthTls(); // expect: FTP0009
    }

    private static void TransferWithoutProtP(string host, string user, string password, Stream destination)
    {
        using var connection = FtpConnection.Connect(host);
        connection.AuthTls();
        connection.Login(user, password);
        connection.Download("a.txt", destination); // expect: FTP0010
    }

    private static TcpClient ConnectToPassiveEndpoint(string reply)
    {
        int start = reply.IndexOf('(');
        int end = reply.IndexOf(')');
        string[] numbers = reply.Substring(start + 1, end - start - 1).Split(',');
        string address = string.Join(".", numbers, 0, 4);
        int port = int.Parse(numbers[4]) * 256 + int.Parse(numbers[5]); // expect: FTP0006
        return new TcpClient(address, port); // expect: FTP0007
    }
}
