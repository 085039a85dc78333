// The only sign is in the port computation itself: TrimEnd(')').
class TrimEndParser
{
    public static int Port(string text)
    {
        string[] p = text.Split(',');
        return {|FTP0006:int.Parse(p[4]) * 256 + int.Parse(p[5].TrimEnd(')'))|};
    }
}
