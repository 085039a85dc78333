// The parse hands host and port to a helper of the same class, whose body connects.
using System.Net;
using System.Net.Sockets;

class HelperConnects
{
    private Socket _data;

    public void EnterPassive(string reply)
    {
        if (!reply.StartsWith("227"))
            return;
        string inner = reply.Substring(reply.IndexOf('(') + 1);
        inner = inner.Substring(0, inner.IndexOf(')'));
        string[] p = inner.Split(',');
        string host = $"{p[0]}.{p[1]}.{p[2]}.{p[3]}";
        OpenDataChannel({|FTP0007:host|}, {|FTP0006:int.Parse(p[4]) * 256 + int.Parse(p[5])|});
    }

    private void OpenDataChannel(string address, int port)
    {
        _data = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _data.Connect(new IPEndPoint(IPAddress.Parse(address), port));
    }
}
