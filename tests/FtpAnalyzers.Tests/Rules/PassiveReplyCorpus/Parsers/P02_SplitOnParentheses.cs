// Split('(', ')') then Split(','), shift-and-add port, no 227 or PASV anywhere.
using System;

static class ReplyTools
{
    public static int DataPort(string line)
    {
        string inner = line.Split('(', ')')[1];
        string[] p = inner.Split(',');
        return {|FTP0006:(int.Parse(p[4]) << 8) + int.Parse(p[5])|};
    }
}
