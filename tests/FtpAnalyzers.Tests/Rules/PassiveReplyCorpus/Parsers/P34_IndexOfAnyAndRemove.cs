class RemoveParser
{
    public static int Port(string reply)
    {
        string text = reply.Remove(0, reply.IndexOfAny(new[] { '(' }) + 1);
        text = text.Remove(text.IndexOf(')'));
        string[] numbers = text.Split(',');
        int port = {|FTP0006:int.Parse(numbers[4]) * 256 + int.Parse(numbers[5])|};
        return port;
    }
}
