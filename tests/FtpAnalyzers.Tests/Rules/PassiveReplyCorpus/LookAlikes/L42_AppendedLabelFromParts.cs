// Parts of a parenthesized list appended with a different separator, and a host from elsewhere:
// the appended text is a label, not an address, and the connect goes to the configured host.
using System.Net.Sockets;

class Labeller
{
    private readonly string _host = "ftp.example.com";

    public TcpClient Open(string message)
    {
        string label = "";
        string[] chunks = message.Substring(message.IndexOf("(") + 1).TrimEnd(')').Split(',');
        for (int i = 0; i < 4; i++)
        {
            label += chunks[i];
            label += ":";
        }
        System.Console.WriteLine(label);
        return new TcpClient(_host, 21);
    }
}
