// The reply split on spaces, the same array split again on commas, the parentheses cut off by hand.
using System.IO;
using System.Net.Sockets;

class ReassignedParts
{
    private StreamReader _reader;
    private StreamWriter _writer;

    public TcpClient OpenPassive()
    {
        _writer.WriteLine("PASV");
        string line = _reader.ReadLine();
        string[] fields = line.Trim().Split(' ');
        fields = fields[4].Split(',');
        string ip = fields[0].Substring(1) + "." + fields[1] + "." + fields[2] + "." + fields[3];
        int port = {|FTP0006:(System.Convert.ToInt32(fields[4]) * 256) + System.Convert.ToInt32(fields[5].Substring(0, fields[5].Length - 1))|};
        return new TcpClient({|FTP0007:ip|}, port);
    }
}
