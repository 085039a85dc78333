// Known miss: the numbers collected by a foreach over Regex.Matches, with no comma in the loop.
using System.Collections.Generic;
using System.Text.RegularExpressions;

class MatchLoop
{
    public static int Port(string reply)
    {
        var numbers = new List<int>();
        foreach (Match m in Regex.Matches(reply, @"\d+"))
            numbers.Add(int.Parse(m.Value));
        return numbers[5] * 256 + numbers[6];
    }
}
