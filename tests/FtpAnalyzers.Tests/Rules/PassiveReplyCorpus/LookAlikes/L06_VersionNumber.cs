// Version parsing: major * 256 + minor.
class ProtocolVersion
{
    public static int Encode(string version)
    {
        var v = version.Split('.');
        return int.Parse(v[0]) * 256 + int.Parse(v[1]);
    }

    public static int EncodeCommaList(string list)
    {
        var v = list.Split(',');
        return (int.Parse(v[0]) << 8) | int.Parse(v[1]);
    }
}
