// A CSV record whose fields 4 and 5 are a high and low byte: no sign of a 227 reply.
class SensorRecord
{
    public int Value { get; private set; }

    public static SensorRecord Parse(string line)
    {
        string[] fields = line.Split(',');
        return new SensorRecord { Value = int.Parse(fields[4]) * 256 + int.Parse(fields[5]) };
    }
}
