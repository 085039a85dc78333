// Known miss: the numbers leave the parser as a tuple and the port is computed in the caller
// (the analysis is intra-member). The advertised host reaches TcpClient in the caller too.
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
        return new TcpClient(host, p1 * 256 + p2);
    }
}
