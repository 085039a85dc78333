using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Corpus.RawSockets;

/// <summary>Code that talks FTP over raw sockets and parses 227/229 replies by hand.</summary>
public static class PassiveReplyParsing
{
    public static IPEndPoint ParsePasv(string reply)
    {
        var start = reply.IndexOf('(');
        var end = reply.IndexOf(')', start + 1);
        var numbers = reply.Substring(start + 1, end - start - 1).Split(',');
        var address = IPAddress.Parse(string.Join(".", numbers, 0, 4));
        var port = int.Parse(numbers[4], CultureInfo.InvariantCulture) * 256 + int.Parse(numbers[5], CultureInfo.InvariantCulture);
        return new IPEndPoint(address, port);
    }

    public static IPEndPoint ParsePasvWithRegex(string reply, IPAddress controlAddress)
    {
        var match = Regex.Match(reply, @"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
        if (!match.Success)
            throw new FormatException(reply);
        var high = int.Parse(match.Groups[5].Value);
        var low = int.Parse(match.Groups[6].Value);
        return new IPEndPoint(controlAddress, (high << 8) | low);
    }

    public static int ParseEpsv(string reply)
    {
        var open = reply.IndexOf("(|||", StringComparison.Ordinal);
        var close = reply.IndexOf("|)", open + 4, StringComparison.Ordinal);
        return int.Parse(reply.Substring(open + 4, close - open - 4));
    }

    public static string FetchGreetingThenPassive(string host, int port)
    {
        using var client = new TcpClient(host, port);
        using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var greeting = reader.ReadLine();
        writer.WriteLine("USER anonymous");
        reader.ReadLine();
        writer.WriteLine("PASS guest");
        reader.ReadLine();
        writer.WriteLine("PASV");
        var pasv = reader.ReadLine() ?? "";
        if (!pasv.StartsWith("227", StringComparison.Ordinal))
            return greeting ?? "";
        var endpoint = ParsePasv(pasv);
        using var data = new TcpClient();
        data.Connect(endpoint);
        return greeting + " " + endpoint;
    }

    public static int NotFtp(string csv)
    {
        var parts = csv.Split(',');
        return int.Parse(parts[0]) * 256 + int.Parse(parts[1]);
    }
}
