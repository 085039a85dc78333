// Four numbers of a version string joined with dots, then a TCP connect to a configured host.
using System.Net.Sockets;
using System.Text.RegularExpressions;

class VersionBanner
{
    public static string Version(string banner)
    {
        Match m = Regex.Match(banner, @"(?<v>\d+,\d+,\d+,\d+)");
        return string.Join(".", m.Groups["v"].Value.Split(','));
    }

    public static TcpClient Open(string host) => new TcpClient(host, 443);
}
