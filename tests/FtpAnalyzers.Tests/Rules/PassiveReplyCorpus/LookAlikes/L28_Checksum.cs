// A checksum over a comma list in a loop: collects numbers between commas, but computes no port.
using System.Collections.Generic;

static class Checksum
{
    public static int Sum(string csv)
    {
        var values = new List<int>();
        var current = 0;
        foreach (var c in csv)
        {
            if (c == ',') { values.Add(current); current = 0; }
            else current = current * 10 + (c - '0');
        }
        values.Add(current);
        var sum = 0;
        foreach (var v in values)
            sum = (sum * 31 + v) & 0xFFFF;
        return sum;
    }
}
