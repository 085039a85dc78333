using System.Text.RegularExpressions;

class NamedGroups
{
    public static int Port(string reply)
    {
        var match = Regex.Match(reply, @"\((?<a>\d{1,3}),(?<b>\d{1,3}),(?<c>\d{1,3}),(?<d>\d{1,3}),(?<p1>\d{1,3}),(?<p2>\d{1,3})\)");
        return {|FTP0006:int.Parse(match.Groups["p1"].Value) * 256 + int.Parse(match.Groups["p2"].Value)|};
    }
}
