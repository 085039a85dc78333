// One group for the address, Replace(',', '.') to make it dotted.
using System.Net;
using System.Text.RegularExpressions;

class GroupedRegex
{
    public static IPEndPoint Parse(string reply)
    {
        var m = Regex.Match(reply, @"\((\d+,\d+,\d+,\d+),(\d+),(\d+)\)");
        var ip = IPAddress.Parse(m.Groups[1].Value.Replace(',', '.'));
        return new IPEndPoint({|FTP0007:ip|}, {|FTP0006:int.Parse(m.Groups[2].Value) * 256 + int.Parse(m.Groups[3].Value)|});
    }
}
