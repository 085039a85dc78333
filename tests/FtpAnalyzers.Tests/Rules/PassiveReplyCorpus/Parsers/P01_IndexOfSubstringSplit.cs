// 2000s-era: read the 227 line, cut between the parentheses, split on commas, connect to the advertised host.
using System;
using System.IO;
using System.Net.Sockets;

public class FtpClientOld
{
    private StreamReader reader;
    private StreamWriter writer;

    public TcpClient OpenDataConnection()
    {
        writer.WriteLine("PASV");
        writer.Flush();
        string reply = reader.ReadLine();
        int start = reply.IndexOf('(');
        int end = reply.IndexOf(')');
        string[] parts = reply.Substring(start + 1, end - start - 1).Split(',');
        string host = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
        int port = {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
        return new TcpClient({|FTP0007:host|}, port);
    }
}
