// Index-from-end operators on a Split that cuts at the parentheses; the last part cut again at ')'.
class HatIndexes
{
    public static int Port(string reply)
    {
        var fields = reply.Split('(')[1].Split(',');
        int high = int.Parse(fields[^2]);
        int low = int.Parse(fields[^1].Split(')')[0]);
        return {|FTP0006:(high << 8) | low|};
    }
}
