// The port parsed by hand (flagged), but the data connection goes to the control host (no FTP0007).
using System.Net.Sockets;

class PortOnly
{
    public TcpClient Open(string controlHost, string reply)
    {
        var p = reply.Split('(', ')')[1].Split(',');
        var advertised = string.Join(".", p, 0, 4);
        System.Console.WriteLine("server advertised " + advertised);
        return new TcpClient(controlHost, {|FTP0006:int.Parse(p[4]) * 256 + int.Parse(p[5])|});
    }
}
