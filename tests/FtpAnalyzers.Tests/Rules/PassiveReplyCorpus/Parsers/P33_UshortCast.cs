// A ushort port built from bytes, the way network code likes it.
class UshortPort
{
    public static ushort Port(string reply)
    {
        var n = reply.Split('(', ')')[1].Split(',');
        return (ushort)({|FTP0006:(byte.Parse(n[4]) << 8) | byte.Parse(n[5])|});
    }
}
