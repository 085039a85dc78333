// The last two numbers copied into a pair counted from the end; the address handed to the
// project's own connection class, whose constructor connects.
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

class PairClient
{
    private DataConnection _data;

    public void OnPassiveReply(string message)
    {
        Match m = Regex.Match(message, @"\d+,\d+,\d+,\d+,\d+,\d+");
        if (!m.Success)
            return;
        string[] all = m.Value.Split(',');
        IPAddress ip = IPAddress.Parse(string.Join(".", all, 0, 4));
        string[] pair = { all[all.Length - 2], all[^1] };
        int port = {|FTP0006:(int.Parse(pair[0]) * 256) + int.Parse(pair[1])|};
        _data = new DataConnection({|FTP0007:ip|}, port);
    }
}

class DataConnection
{
    private readonly TcpClient _client;

    public DataConnection(IPAddress address, int port) => _client = new TcpClient(address.ToString(), port);
}
