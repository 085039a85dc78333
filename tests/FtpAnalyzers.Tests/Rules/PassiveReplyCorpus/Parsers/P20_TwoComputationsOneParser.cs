// The same port computed twice (logged, then used): one diagnostic for the parser.
using System;
using System.Net.Sockets;

class Verbose
{
    public TcpClient Open(string reply, string controlHost)
    {
        int a = reply.IndexOf('(');
        int b = reply.IndexOf(')');
        string[] v = reply.Substring(a + 1, b - a - 1).Split(',');
        Console.WriteLine("data port " + ({|FTP0006:int.Parse(v[4]) * 256 + int.Parse(v[5])|}));
        return new TcpClient(controlHost, int.Parse(v[4]) * 256 + int.Parse(v[5]));
    }
}
