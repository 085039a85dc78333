// A regex with named address and port groups read in a NextMatch loop; the port group split,
// each byte masked with 0xff before the shift.
using System;
using System.Text.RegularExpressions;

class MaskedShift
{
    public static int Port(string detail)
    {
        string[] ports = null;
        var regex = new Regex(@"\((?<address>[0-9]+,[0-9]+,[0-9]+,[0-9]+),(?<port>[0-9]+,[0-9]+)\)");
        for (Match match = regex.Match(detail); match.Success; match = match.NextMatch())
            ports = match.Groups["port"].Value.Split(new char[] { ',' });
        if (ports == null || ports.Length != 2)
            throw new FormatException(detail);
        return {|FTP0006:((int.Parse(ports[0]) & 0xff) << 8) + (int.Parse(ports[1]) & 0x000000ff)|};
    }
}
