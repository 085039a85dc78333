// A CSV row split into at most six fields; two of them combined into one number (a 16-bit id).
class CsvRow
{
    public static int Id(string row)
    {
        string[] cells = row.Split(new[] { ',' }, 6);
        return int.Parse(cells[0]) * 100 + int.Parse(cells[1]);
    }

    public static int Word(string row)
    {
        string[] cells = row.Split(new[] { ';' }, 6);
        return int.Parse(cells[2]) * 256 + int.Parse(cells[3]);
    }
}
