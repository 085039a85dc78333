// A loop fills four bytes from the groups of a dotted version number, made an IPAddress-like
// key for a lookup table: four numbers, but no 227 reply anywhere.
using System.Net;
using System.Text.RegularExpressions;

static class VersionKey
{
    public static IPEndPoint Key(string version, int build)
    {
        Match match = Regex.Match(version, @"(\d+)\.(\d+)\.(\d+)\.(\d+)");
        byte[] parts = new byte[4];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = byte.Parse(match.Groups[i + 1].Value);
        return new IPEndPoint(new IPAddress(parts), build);
    }
}
