// No parentheses assumed, but a 227 check: TryParse into locals, (p1 << 8) | p2.
using System;

class Client
{
    public int ParseDataPort(string line)
    {
        if (!line.StartsWith("227"))
            throw new InvalidOperationException(line);
        string[] fields = line.Substring(line.LastIndexOf(' ') + 1).Split(',');
        if (!int.TryParse(fields[4], out int high) || !int.TryParse(fields[5].TrimEnd('.'), out int low))
            throw new FormatException(line);
        return {|FTP0006:(high << 8) | low|};
    }
}
