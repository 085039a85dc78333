// The host is chosen in an if/else, then replaced by the control host whenever it differs:
// no path connects to the advertised address (FTP0007 silent; the port is still hand-parsed).
using System.Net.Sockets;

class Sanitized
{
    private readonly string _controlHost = "ftp.example.com";

    public TcpClient Open(string reply, bool active)
    {
        string[] n = reply.Split('(', ')')[1].Split(',');
        string host;
        if (active)
            host = _controlHost;
        else
            host = n[0] + "." + n[1] + "." + n[2] + "." + n[3];
        if (host != _controlHost)
            host = _controlHost;
        return new TcpClient(host, {|FTP0006:int.Parse(n[4]) * 256 + int.Parse(n[5])|});
    }
}
