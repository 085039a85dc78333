// Substring(27): the length of "227 Entering Passive Mode (".
using System;

class FixedOffsetParser
{
    public int GetPort(string reply)
    {
        string numbers = reply.Substring(27);
        numbers = numbers.TrimEnd('.', ')');
        string[] values = numbers.Split(',');
        return {|FTP0006:Int32.Parse(values[4]) * 256 + Int32.Parse(values[5])|};
    }
}
