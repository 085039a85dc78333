using System;
using System.IO;
using Ftp;

namespace Corpus.Mistakes;

/// <summary>Every sequence rule's mistake, in straight code and behind branches and loops.</summary>
public static class SequenceMistakes
{
    public static void PassBeforeUser(FtpConnection connection, string user, string password)
    {
        connection.Pass(password);
        connection.User(user);
    }

    public static void RntoWithoutRnfr(string host)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Login("user", "password");
        connection.Rnto("new.txt");
    }

    public static void CommandBetweenRnfrAndRnto(FtpConnection connection, bool verbose)
    {
        connection.Rnfr("old.txt");
        if (verbose)
            Console.WriteLine(connection.Pwd());
        connection.Rnto("new.txt");
    }

    public static void TransferWithoutPassive(string host, string[] files)
    {
        using var connection = FtpConnection.Connect(host);
        connection.Login("user", "password");
        connection.Pasv();
        foreach (var file in files)
        {
            using var sink = new MemoryStream();
            connection.Retr(file, sink);
        }
        connection.List(new MemoryStream());
    }

    public static FtpReply CommandBeforeLogin(string host, bool anonymous)
    {
        using var connection = FtpConnection.Connect(host);
        var cwd = connection.Cwd("/pub");
        if (anonymous)
            connection.Login("anonymous", "guest");
        else
            connection.User("admin");
        return cwd;
    }

    public static void RawOutOfOrder(FtpConnection connection)
    {
        connection.SendCommand("RNTO b.txt");
        connection.SendCommand("PASS secret");
        connection.SendCommand("USER me");
    }

    public static void CorrectForComparison(string host)
    {
        using var connection = FtpConnection.Connect(host);
        connection.User("user");
        connection.Pass("password");
        connection.Rename("a.txt", "b.txt");
        connection.Epsv();
        connection.List(new MemoryStream());
        connection.Quit();
    }
}
