// The regex groups turned into numbers with LINQ over Groups.Cast<Group>(), as a port of ftplib's parse227.
using System.Linq;
using System.Net.Sockets;
using System.Text.RegularExpressions;

class Ftplib227
{
    private static readonly Regex Re227 = new Regex(@"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)", RegexOptions.Compiled);

    public static TcpClient Open(string resp)
    {
        var m = Re227.Match(resp);
        var numbers = m.Groups.Cast<Group>().Skip(1).Select(g => int.Parse(g.Value)).ToArray();
        var host = string.Join(".", numbers.Take(4));
        var port = {|FTP0006:(numbers[4] << 8) + numbers[5]|};
        return new TcpClient({|FTP0007:host|}, port);
    }
}
