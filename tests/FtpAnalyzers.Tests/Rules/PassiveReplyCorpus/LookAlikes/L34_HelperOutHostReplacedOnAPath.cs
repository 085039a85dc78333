// The helper hands back the advertised host only when asked to; otherwise the control
// connection's host. The caller's connect is not claimed: the host is not the reply's on every path.
using System.Net.Sockets;

class PolicyAwareReader
{
    private readonly string _controlHost = "ftp.example.com";

    private void Read(string text, bool useAdvertised, out string host)
    {
        string[] data = text.Split('(', ')')[1].Split(',');
        if (useAdvertised)
            host = string.Join(".", data, 0, 4);
        else
            host = _controlHost;
    }

    public TcpClient Open(string reply, int port)
    {
        Read(reply, false, out var host);
        return new TcpClient(host, port);
    }
}
