// The numbers leave the parser as a tuple; the port is computed and the advertised host
// connected to in the caller.
using System.Net.Sockets;

class TupleParser
{
    private static (string Host, int P1, int P2) ParsePasv(string reply)
    {
        var n = reply.Split('(', ')')[1].Split(',');
        return (string.Join(".", n, 0, 4), int.Parse(n[4]), int.Parse(n[5]));
    }

    public static TcpClient Open(string reply)
    {
        var (host, p1, p2) = ParsePasv(reply);
        return new TcpClient({|FTP0007:host|}, {|FTP0006:p1 * 256 + p2|});
    }
}
