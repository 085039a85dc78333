using System;

class LambdaParser
{
    public static readonly Func<string, int> PortOf = reply =>
    {
        var inner = reply.Substring(reply.IndexOf('(') + 1).TrimEnd('.', ')');
        var f = inner.Split(',');
        return {|FTP0006:int.Parse(f[4]) * 256 + int.Parse(f[5])|};
    };
}
