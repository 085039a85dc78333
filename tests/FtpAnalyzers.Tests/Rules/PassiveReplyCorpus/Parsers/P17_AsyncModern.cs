// Modern async client: the advertised host joined with string.Join and passed to ConnectAsync.
using System.IO;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

class AsyncClient
{
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    public AsyncClient(StreamReader reader, StreamWriter writer)
    {
        _reader = reader;
        _writer = writer;
    }

    public async Task<TcpClient> OpenDataAsync()
    {
        await _writer.WriteLineAsync("PASV");
        var line = await _reader.ReadLineAsync() ?? "";
        var m = Regex.Match(line, @"(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)");
        var host = string.Join(".", m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
        var port = {|FTP0006:(int.Parse(m.Groups[5].Value) << 8) | int.Parse(m.Groups[6].Value)|};
        var data = new TcpClient();
        await data.ConnectAsync({|FTP0007:host|}, port);
        return data;
    }
}
