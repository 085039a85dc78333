// Two bytes of a header split from a comma list, masked and shifted: a length field, not a reply.
class HeaderLength
{
    public static int Length(string header)
    {
        string[] bytes = header.Split(',');
        return ((int.Parse(bytes[0]) & 0xff) << 8) + (int.Parse(bytes[1]) & 0xff);
    }
}
