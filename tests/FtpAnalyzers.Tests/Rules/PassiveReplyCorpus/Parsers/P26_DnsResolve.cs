// The advertised host resolved with Dns, then connected.
using System.Net;
using System.Net.Sockets;

class DnsClient
{
    public TcpClient Open(string reply)
    {
        int s = reply.IndexOf('(') + 1;
        string[] parts = reply.Substring(s, reply.IndexOf(')') - s).Split(',');
        string host = string.Format("{0}.{1}.{2}.{3}", parts[0], parts[1], parts[2], parts[3]);
        IPAddress[] addresses = Dns.GetHostAddresses({|FTP0007:host|});
        var client = new TcpClient();
        client.Connect(addresses, {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|});
        return client;
    }
}
