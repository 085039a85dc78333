// A client in active mode: the PORT argument it sends, parsed back into byte slots and bound.
using System.Net;
using System.Net.Sockets;

class ActiveMode
{
    private Socket _listener;

    public void Port(string args)
    {
        Send("PORT " + args);
        string[] parts = args.Split(',');
        byte[] address = new byte[4];
        byte[] port = new byte[2];
        address[0] = byte.Parse(parts[0]);
        address[1] = byte.Parse(parts[1]);
        address[2] = byte.Parse(parts[2]);
        address[3] = byte.Parse(parts[3]);
        port[0] = byte.Parse(parts[4]);
        port[1] = byte.Parse(parts[5]);
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(new IPAddress(address), port[0] * 256 + port[1]));
        _listener.Listen(1);
    }

    private void Send(string line) { }
}
