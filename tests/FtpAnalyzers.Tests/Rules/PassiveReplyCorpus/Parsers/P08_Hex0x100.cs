using System;

class HexParser
{
    public static int PortOf(string reply)
    {
        int open = reply.IndexOf("(");
        int close = reply.IndexOf(")");
        string[] octets = reply.Substring(open + 1, close - open - 1).Split(',');
        return {|FTP0006:Convert.ToInt32(octets[4]) * 0x100 + Convert.ToInt32(octets[5])|};
    }
}
