// The parse hands the advertised host to a helper that only writes it down: no connect there (FTP0007 silent).
using System;
using System.Net.Sockets;

class HelperLogs
{
    private readonly string _controlHost = "ftp.example.com";

    public TcpClient EnterPassive(string reply)
    {
        string[] p = reply.Split('(', ')')[1].Split(',');
        string host = p[0] + "." + p[1] + "." + p[2] + "." + p[3];
        int port = {|FTP0006:int.Parse(p[4]) * 256 + int.Parse(p[5])|};
        Trace(host, port);
        return new TcpClient(_controlHost, port);
    }

    private static void Trace(string host, int port) => Console.WriteLine("server advertised " + host + ":" + port);
}
