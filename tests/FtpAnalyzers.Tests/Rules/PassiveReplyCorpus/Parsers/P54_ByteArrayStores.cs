// Each number parsed into its own slot of a byte array, the address made from the first array.
using System.Net;
using System.Net.Sockets;

class SlotParser
{
    private Socket _data;

    public void Passive(string line)
    {
        string text = line.Substring(27);
        text = text.Replace("(", "").Replace(")", "");
        string[] octets = text.Split(',');
        byte[] address = new byte[4];
        byte[] port = new byte[2];
        address[0] = byte.Parse(octets[0]);
        address[1] = byte.Parse(octets[1]);
        address[2] = byte.Parse(octets[2]);
        address[3] = byte.Parse(octets[3]);
        port[0] = byte.Parse(octets[4]);
        port[1] = byte.Parse(octets[5]);
        var ip = new IPAddress(address);
        int dataPort = {|FTP0006:port[0] * 256 + port[1]|};
        _data = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _data.Connect({|FTP0007:ip|}, dataPort);
    }
}
