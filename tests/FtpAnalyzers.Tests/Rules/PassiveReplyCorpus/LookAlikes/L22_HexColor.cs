// "#RRGGBB" parsed with Substring and shifts: no commas, no reply.
using System.Globalization;

static class HexColor
{
    public static int Rgb(string hex)
    {
        int r = int.Parse(hex.Substring(1, 2), NumberStyles.HexNumber);
        int g = int.Parse(hex.Substring(3, 2), NumberStyles.HexNumber);
        int b = int.Parse(hex.Substring(5, 2), NumberStyles.HexNumber);
        return (r << 16) | (g << 8) | b;
    }
}
