// A user-written reply type: Code == 227 is the evidence.
class ServerReply
{
    public int Code;
    public string Text = "";
}

class Session
{
    public int DataPort(ServerReply reply)
    {
        if (reply.Code != 227)
            return -1;
        string[] values = reply.Text.Split(',');
        int hi = int.Parse(values[values.Length - 2]);
        int lo = int.Parse(values[values.Length - 1].TrimEnd('.'));
        return {|FTP0006:hi * 256 + lo|};
    }
}
