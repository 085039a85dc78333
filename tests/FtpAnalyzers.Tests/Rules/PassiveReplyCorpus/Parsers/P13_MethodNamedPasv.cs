// Evidence only from the name: a PASV helper that splits the whole line.
class Helpers
{
    public static int GetPasvPort(string response)
    {
        var parts = response.Split(',');
        var last = parts[5];
        var p2 = int.Parse(last.Substring(0, last.Length - 1));
        return {|FTP0006:int.Parse(parts[4]) * 256 + p2|};
    }
}
