// A helper returns two numbers of a CSV line as a tuple; the caller packs them into one value.
class CsvPair
{
    private static (int A, int B) Pair(string line)
    {
        var cells = line.Split(',');
        return (int.Parse(cells[0]), int.Parse(cells[1]));
    }

    public static int Packed(string line)
    {
        var (a, b) = Pair(line);
        return a * 256 + b;
    }
}
