// A regex with named groups for a coordinate pair, split again: not a reply.
using System.Text.RegularExpressions;

class CoordinatePair
{
    private static readonly Regex Pair = new Regex(@"(?<x>\d+,\d+),(?<y>\d+,\d+)");

    public static int Packed(string text)
    {
        Match m = Pair.Match(text);
        string[] x = m.Groups["x"].Value.Split(',');
        return int.Parse(x[0]) * 256 + int.Parse(x[1]);
    }
}
