// Known miss: Regex.Split on non-digits gives every number of the reply, 227 first.
using System.Text.RegularExpressions;

class NonDigitSplit
{
    public static int Port(string reply)
    {
        string[] numbers = Regex.Split(reply.Substring(4), @"\D+");
        return int.Parse(numbers[5]) * 256 + int.Parse(numbers[6]);
    }
}
