using System.Net;
using System.Net.Sockets;

class RawSocketClient
{
    public Socket Data(string pasvReply)
    {
        string body = pasvReply.Substring(pasvReply.IndexOf('(') + 1);
        body = body.Substring(0, body.IndexOf(')'));
        string[] parts = body.Split(',');
        string ip = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
        int port = {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
        Socket s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Connect({|FTP0007:IPAddress.Parse(ip)|}, port);
        return s;
    }
}
