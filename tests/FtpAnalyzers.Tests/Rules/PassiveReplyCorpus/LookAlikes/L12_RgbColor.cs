class Color
{
    public static int ToRgb(string csv)
    {
        var c = csv.Split(',');
        int r = int.Parse(c[0]), g = int.Parse(c[1]), b = int.Parse(c[2]);
        return r * 65536 + g * 256 + b;
    }
}
