// A parse method in one class hands the host and the port bytes back through out parameters;
// another class connects.
using System;
using System.Net;
using System.Net.Sockets;

static class PassiveReplyReader
{
    public static void Read(string text, out string host, out int high, out int low)
    {
        int open = text.IndexOf('(');
        string[] data = text.Substring(open + 1, text.IndexOf(')') - open - 1).Split(',');
        host = data[0] + "." + data[1] + "." + data[2] + "." + data[3];
        high = int.Parse(data[4]);
        low = int.Parse(data[5]);
    }
}

class DataChannel
{
    public Socket Open(string reply)
    {
        PassiveReplyReader.Read(reply, out string host, out int high, out int low);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(new IPEndPoint({|FTP0007:IPAddress.Parse(host)|}, {|FTP0006:(high << 8) | low|}));
        return socket;
    }
}
