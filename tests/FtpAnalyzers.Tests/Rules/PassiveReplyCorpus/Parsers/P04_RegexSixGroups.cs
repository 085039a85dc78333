// A regex with six groups, host joined by interpolation, connected through an IPEndPoint.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

class DataChannel
{
    public Socket Open(string reply)
    {
        Match m = Regex.Match(reply, @"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
        if (!m.Success)
            throw new FormatException(reply);
        string address = $"{m.Groups[1].Value}.{m.Groups[2].Value}.{m.Groups[3].Value}.{m.Groups[4].Value}";
        int port = {|FTP0006:int.Parse(m.Groups[5].Value) * 256 + int.Parse(m.Groups[6].Value)|};
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(new IPEndPoint({|FTP0007:IPAddress.Parse(address)|}, port));
        return socket;
    }
}
