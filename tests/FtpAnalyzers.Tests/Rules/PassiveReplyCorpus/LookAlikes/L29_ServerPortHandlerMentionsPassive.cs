// A server's PORT handler that mentions passive mode in its log: it writes replies, so it is a server.
using System;
using System.IO;
using System.Net;

class PortHandler
{
    public bool PassiveOnly { get; set; }

    public IPEndPoint? Handle(string argument, TextWriter replies, Action<string> log)
    {
        if (PassiveOnly)
        {
            log("PORT refused: passive mode only");
            replies.WriteLine("502 Active mode disabled, use PASV.");
            return null;
        }
        string[] n = argument.Split(',');
        int port = int.Parse(n[4]) * 256 + int.Parse(n[5]);
        replies.WriteLine("200 PORT command successful.");
        return new IPEndPoint(IPAddress.Parse(string.Join(".", n, 0, 4)), port);
    }
}
