// Every number of the reply, the 227 included: matches[5] and matches[6] are p1 and p2.
using System.Text.RegularExpressions;

class AllNumbers
{
    public static int Port(string reply)
    {
        if (!reply.StartsWith("227"))
            return -1;
        MatchCollection matches = Regex.Matches(reply, @"\d+");
        return {|FTP0006:int.Parse(matches[5].Value) * 256 + int.Parse(matches[6].Value)|};
    }
}
