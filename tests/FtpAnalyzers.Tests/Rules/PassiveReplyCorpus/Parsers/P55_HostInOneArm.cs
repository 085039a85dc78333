// The host is the control host in one mode and the advertised address in the other: the
// default path connects where the server said.
using System.Net.Sockets;
using System.Text.RegularExpressions;

class ModeAwareClient
{
    private readonly string _host = "ftp.example.com";
    public bool IgnorePassiveAddress { get; set; }

    public TcpClient OpenData(string reply)
    {
        string host;
        Match m = Regex.Match(reply, @"(?<a>\d+),(?<b>\d+),(?<c>\d+),(?<d>\d+),(?<hi>\d+),(?<lo>\d+)");
        if (IgnorePassiveAddress)
            host = _host;
        else
            host = string.Format("{0}.{1}.{2}.{3}", m.Groups["a"].Value, m.Groups["b"].Value, m.Groups["c"].Value, m.Groups["d"].Value);
        int port = {|FTP0006:(int.Parse(m.Groups["hi"].Value) << 8) + int.Parse(m.Groups["lo"].Value)|};
        var data = new DataStream();
        data.Connect({|FTP0007:host|}, port, 10);
        return data.Client;
    }
}

class DataStream
{
    public TcpClient Client { get; } = new TcpClient();

    public void Connect(string host, int port, int timeoutSeconds) => Client.Connect(host, port);
}
