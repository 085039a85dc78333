// A helper collects the six numbers into an int[]; the caller combines the last two.
using System.Collections.Generic;

class NumberListParser
{
    private static int[] Numbers(string reply)
    {
        var found = new List<int>();
        int value = 0;
        foreach (char c in reply.Substring(reply.IndexOf('(') + 1))
        {
            if (char.IsDigit(c))
                value = value * 10 + (c - '0');
            else if (c == ',' || c == ')')
            {
                found.Add(value);
                value = 0;
            }
        }
        return found.ToArray();
    }

    public int DataPort(string reply)
    {
        int[] n = Numbers(reply);
        return {|FTP0006:n[4] * 0x100 + n[5]|};
    }
}
