class Ipv4
{
    public static uint ToUInt32(string dotted)
    {
        var o = dotted.Split('.');
        return (uint.Parse(o[0]) << 24) | (uint.Parse(o[1]) << 16) | (uint.Parse(o[2]) << 8) | uint.Parse(o[3]);
    }
}
