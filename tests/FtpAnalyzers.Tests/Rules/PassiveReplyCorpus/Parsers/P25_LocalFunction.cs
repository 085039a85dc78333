// The parser is a local function of the method that connects.
using System.Net.Sockets;

class LocalFunctionClient
{
    public TcpClient Connect(string reply)
    {
        return new TcpClient("ftp.example.com", Port(reply));

        static int Port(string text)
        {
            int open = text.IndexOf('(');
            string[] n = text.Substring(open + 1, text.IndexOf(')') - open - 1).Split(',');
            return {|FTP0006:int.Parse(n[4]) * 256 + int.Parse(n[5])|};
        }
    }
}
