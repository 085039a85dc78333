// A range slice between the parentheses, TryParse into out locals, the host interpolated and
// returned with the port as a tuple.
class RangeSlice
{
    public static (string Host, int Port) Endpoint(string message)
    {
        var open = message.IndexOf('(');
        var close = message.IndexOf(')');
        if (open < 0 || close <= open)
            return (null, 0);
        var parts = message[(open + 1)..close].Split(',');
        var host = $"{parts[0]}.{parts[1]}.{parts[2]}.{parts[3]}";
        if (!int.TryParse(parts[4], out var high) || !int.TryParse(parts[5], out var low))
            return (null, 0);
        return (host, {|FTP0006:(high * 256) + low|});
    }
}
