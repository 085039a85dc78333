// Modern LINQ: Select(int.Parse).ToArray().
using System.Linq;

static class PasvReply
{
    public static (string Host, int Port) Parse(string text)
    {
        var inside = text[(text.IndexOf('(') + 1)..text.IndexOf(')')];
        var n = inside.Split(',').Select(int.Parse).ToArray();
        return (string.Join(".", n.Take(4)), {|FTP0006:n[4] * 256 + n[5]|});
    }
}
