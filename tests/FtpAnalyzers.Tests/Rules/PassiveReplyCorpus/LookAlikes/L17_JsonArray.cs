// "[1,2,3,4,5,6]": brackets, not parentheses, and no sign of FTP.
class JsonNumbers
{
    public static int Combine(string json)
    {
        var v = json.Trim('[', ']').Split(',');
        return int.Parse(v[4]) * 256 + int.Parse(v[5]);
    }
}
