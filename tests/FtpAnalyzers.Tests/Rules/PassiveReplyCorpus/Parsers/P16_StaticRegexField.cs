using System.Text.RegularExpressions;

class CompiledRegexParser
{
    private static readonly Regex Numbers = new Regex(@"([0-9]+),([0-9]+),([0-9]+),([0-9]+),([0-9]+),([0-9]+)", RegexOptions.Compiled);

    public int Port(string reply)
    {
        Match m = Numbers.Match(reply);
        return {|FTP0006:(int.Parse(m.Groups[5].Value) << 8) | int.Parse(m.Groups[6].Value)|};
    }
}
