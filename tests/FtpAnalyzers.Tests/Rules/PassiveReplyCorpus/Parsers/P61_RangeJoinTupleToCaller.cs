// A test-style client: the host joined from the first four numbers with a range, handed back
// in a tuple and connected to by the caller after sending PASV itself.
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

class PasvProbe
{
    public async Task<TcpClient> OpenAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("PASV");
        string line = await reader.ReadLineAsync();
        (string ip, int port) = Split(line);
        var data = new TcpClient();
        await data.ConnectAsync({|FTP0007:IPAddress.Parse(ip)|}, port);
        return data;
    }

    private static (string, int) Split(string s)
    {
        int open = s.IndexOf('(');
        int close = s.IndexOf(')');
        string[] parts = s.Substring(open + 1, close - open - 1).Split(',');
        return (string.Join('.', parts[..4]), {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|});
    }
}
