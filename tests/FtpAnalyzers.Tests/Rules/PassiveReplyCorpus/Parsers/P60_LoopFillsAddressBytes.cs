// A loop fills the four address bytes from the groups of a six-number match.
using System.Net;
using System.Text.RegularExpressions;

static class GroupLoop
{
    public static IPEndPoint Endpoint(string message)
    {
        Match match = Regex.Match(message, @"\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)");
        byte[] quad = new byte[4];
        for (int i = 0; i < quad.Length; i++)
            quad[i] = byte.Parse(match.Groups[i + 1].Value);
        int port = {|FTP0006:int.Parse(match.Groups[5].Value) * 256 + int.Parse(match.Groups[6].Value)|};
        return new IPEndPoint({|FTP0007:new IPAddress(quad)|}, port);
    }
}
