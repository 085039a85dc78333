// A table of comma-separated rows; a method named after a port, not PASV.
using System.Collections.Generic;

class PortTable
{
    public static IEnumerable<int> Ports(IEnumerable<string> rows)
    {
        foreach (var row in rows)
        {
            var cells = row.Split(',');
            yield return int.Parse(cells[4]) * 256 + int.Parse(cells[5]);
        }
    }
}
