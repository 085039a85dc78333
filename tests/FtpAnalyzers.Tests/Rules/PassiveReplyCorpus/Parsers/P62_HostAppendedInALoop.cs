// The host appended piece by piece: three numbers and dots in a loop, then the fourth.
using System.Net;
using System.Net.Sockets;

class Appender
{
    public Socket Open(string message)
    {
        string address = string.Empty;
        int open = message.IndexOf("(") + 1;
        string[] chunks = message.Substring(open, message.IndexOf(")") - open).Split(',');
        for (int i = 0; i < 3; i++)
        {
            address += chunks[i];
            address += ".";
        }
        address += chunks[3];
        int port = {|FTP0006:int.Parse(chunks[4]) * 256 + int.Parse(chunks[5])|};
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(new IPEndPoint({|FTP0007:IPAddress.Parse(address)|}, port));
        return socket;
    }
}
