// One Split on '(', ',' and ')': the numbers are at 1..6.
class OneSplit
{
    public static int Port(string reply)
    {
        string[] ipParts = reply.Split(new char[] { '(', ',', ')' });
        return {|FTP0006:int.Parse(ipParts[5]) * 256 + int.Parse(ipParts[6])|};
    }
}
