// Configuration "low,high" of a passive port range, read by a server.
class PassivePortRange
{
    public int Low { get; }
    public int High { get; }

    public PassivePortRange(string setting)
    {
        var bounds = setting.Split(',');
        Low = int.Parse(bounds[0]);
        High = int.Parse(bounds[1]);
    }

    public int Size => High - Low + 1;
}
