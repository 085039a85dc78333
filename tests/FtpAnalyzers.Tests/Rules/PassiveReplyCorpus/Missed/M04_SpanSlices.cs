// Known miss: span slicing with a loop over the commas that keeps only the last two numbers.
using System;

class SpanParser
{
    public static int Port(string reply)
    {
        ReadOnlySpan<char> rest = reply.AsSpan(reply.IndexOf('(') + 1);
        int p1 = 0, p2 = 0;
        for (int i = 0; i < 6; i++)
        {
            int comma = rest.IndexOfAny(',', ')');
            int value = int.Parse(rest.Slice(0, comma));
            if (i == 4) p1 = value;
            if (i == 5) p2 = value;
            rest = rest.Slice(comma + 1);
        }
        return p1 * 256 + p2;
    }
}
