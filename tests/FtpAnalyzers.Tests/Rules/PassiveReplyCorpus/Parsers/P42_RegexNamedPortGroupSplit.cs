// A regex with named groups for the host and the port; each group is split again on commas.
using System.Net.Sockets;
using System.Text.RegularExpressions;

class NamedGroupClient
{
    private static readonly Regex Numbers = new Regex(@"(?<host>\d+,\d+,\d+,\d+),(?<port>\d+,\d+)");

    public static TcpClient OpenData(string line)
    {
        Match m = Numbers.Match(line);
        string[] hostBytes = m.Groups["host"].Value.Split(',');
        string[] portBytes = m.Groups["port"].Value.Split(',');
        int port = {|FTP0006:int.Parse(portBytes[0]) * 256 + int.Parse(portBytes[1])|};
        return new TcpClient({|FTP0007:string.Join(".", hostBytes)|}, port);
    }
}
