// A server's PORT handler: the argument split on commas, the address interpolated with dots,
// the port with * 0x100, an endpoint to connect back to, and a 200 reply written.
using System.IO;
using System.Net;

class ActiveModeSession
{
    private IPEndPoint _dataEndpoint;

    public void Port(string argument, TextWriter replies)
    {
        string[] addr = argument.Split(new char[] { ',' });
        string ip = $"{addr[0]}.{addr[1]}.{addr[2]}.{addr[3]}";
        int port = (int.Parse(addr[4]) * 0x100) + int.Parse(addr[5]);
        _dataEndpoint = new IPEndPoint(IPAddress.Parse(ip), port);
        replies.WriteLine("200 PORT command successful.");
    }
}
