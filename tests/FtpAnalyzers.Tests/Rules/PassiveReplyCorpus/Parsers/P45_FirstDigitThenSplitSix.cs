// Skips to the first digit, then splits into at most six fields; no parentheses assumed, and
// nothing in the member names PASV: the six-field split says what the text is.
using System.Linq;
using System.Net.Sockets;

class FirstDigitScan
{
    public static TcpClient Open(string text)
    {
        int i = 4;
        while (i < text.Length && !char.IsDigit(text[i]))
            i++;
        string[] f = text.Substring(i).Split(new[] { ',' }, 6);
        string host = string.Join(".", f, 0, 4);
        int port = {|FTP0006:int.Parse(f[4]) * 256 + int.Parse(new string(f[5].TakeWhile(char.IsDigit).ToArray()))|};
        return new TcpClient({|FTP0007:host|}, port);
    }
}
