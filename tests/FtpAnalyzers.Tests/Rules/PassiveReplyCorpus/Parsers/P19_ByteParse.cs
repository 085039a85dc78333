class ByteParser
{
    public static int Port(string reply)
    {
        string[] p = reply.Split('(')[1].Split(')')[0].Split(',');
        return {|FTP0006:byte.Parse(p[4]) * 256 + byte.Parse(p[5])|};
    }
}
