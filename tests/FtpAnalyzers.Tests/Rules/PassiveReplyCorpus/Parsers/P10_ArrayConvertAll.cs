using System;

class ConvertAllParser
{
    public int Port(string reply)
    {
        int from = reply.IndexOf('(') + 1;
        string list = reply.Substring(from, reply.IndexOf(')') - from);
        int[] values = Array.ConvertAll(list.Split(','), int.Parse);
        return {|FTP0006:values[4] * 256 + values[5]|};
    }
}
