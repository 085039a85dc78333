// One method parses the reply into fields; another connects to them.
using System.IO;
using System.Net.Sockets;

class StatefulClient
{
    private StreamWriter _writer;
    private StreamReader _reader;
    private string _dataHost;
    private int _dataPort;

    public void EnterPassive()
    {
        _writer.WriteLine("PASV");
        string reply = _reader.ReadLine();
        string[] p = reply.Substring(reply.IndexOf('(') + 1).TrimEnd(')', '.').Split(',');
        _dataHost = p[0] + "." + p[1] + "." + p[2] + "." + p[3];
        _dataPort = {|FTP0006:int.Parse(p[4]) * 256 + int.Parse(p[5])|};
    }

    public TcpClient OpenData() => new TcpClient({|FTP0007:_dataHost|}, _dataPort);
}
