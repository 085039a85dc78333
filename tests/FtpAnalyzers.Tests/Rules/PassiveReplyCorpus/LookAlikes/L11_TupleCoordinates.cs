// "(x,y)" pairs: parentheses and commas, but two numbers, not six.
class Grid
{
    public static int Cell(string pair)
    {
        var xy = pair.Trim('(', ')').Split(',');
        return int.Parse(xy[0]) * 256 + int.Parse(xy[1]);
    }
}
