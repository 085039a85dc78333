// The reply parameter cut down in place, the port local computed in two steps from itself.
using System;
using System.Net;
using System.Net.Sockets;

class InPlace
{
    public Socket Open(string info)
    {
        info = info.Remove(0, "227 Entering Passive Mode".Length);
        int start = info.IndexOf("(") + 1;
        info = info.Substring(start, info.IndexOf(")") - start);
        string[] numbers = info.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        string address = string.Join(".", numbers, 0, 4);
        int port = Convert.ToInt32(numbers[4]);
        port = {|FTP0006:(port * 256) + Convert.ToInt32(numbers[5])|};
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect({|FTP0007:address|}, port);
        return socket;
    }
}
