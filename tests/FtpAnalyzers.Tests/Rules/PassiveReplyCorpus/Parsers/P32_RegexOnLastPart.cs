// The last part cleaned with a regex before parsing.
using System.Text.RegularExpressions;

class CleanLastPart
{
    public static int Port(string reply)
    {
        string[] parts = reply.Substring(reply.IndexOf('(') + 1).Split(',');
        int p1 = int.Parse(parts[4]);
        int p2 = int.Parse(Regex.Match(parts[5], @"\d+").Value);
        return {|FTP0006:p1 * 256 + p2|};
    }
}
