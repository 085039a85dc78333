using System.IO;
using System.Net.Sockets;

namespace FtpAnalyzers.Sample;

/// <summary>
/// A passive data connection opened by hand over a raw control connection, the way code that talks
/// to a socket instead of Ftp.Client often does it. Not called from Program.cs: it is here to show
/// FTP0006 and FTP0007, and their fixes.
/// </summary>
internal static class RawPassiveDataConnection
{
    public static TcpClient Open(TcpClient control)
    {
        var commands = new StreamWriter(control.GetStream());
        var replies = new StreamReader(control.GetStream());
        commands.Write("PASV\r\n");
        commands.Flush();
        string reply = replies.ReadLine() ?? "";
        int open = reply.IndexOf('(');
        int close = reply.IndexOf(')');
        string[] numbers = reply.Substring(open + 1, close - open - 1).Split(',');
        string host = numbers[0] + "." + numbers[1] + "." + numbers[2] + "." + numbers[3];

        // FTP0006: the port is computed from a 227 reply parsed by hand, assuming the parentheses
        // (RFC 1123 says a client must not) and never checking that the numbers are 0-255.
        int port = int.Parse(numbers[4]) * 256 + int.Parse(numbers[5]);

        // FTP0007: the data connection goes to the address the server advertised; a hostile
        // server can point it at any host and port (CVE-2020-8284, CVE-2021-4189).
        return new TcpClient(host, port);
    }
}
