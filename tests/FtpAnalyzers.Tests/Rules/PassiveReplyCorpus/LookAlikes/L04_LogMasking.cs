// Masks the addresses of 227 replies in a log: a six-group regex, but no port is computed.
using System.Text.RegularExpressions;

static class LogMask
{
    public static string Mask(string line)
    {
        if (line.StartsWith("227"))
            return Regex.Replace(line, @"\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)", "(*,*,*,*,*,*)");
        return line;
    }
}
