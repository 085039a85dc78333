// A raw socket client: PASV sent as bytes, the reply decoded, parsed, and the advertised host used.
using System.Net.Sockets;
using System.Text;

class SocketFtp
{
    private readonly Socket _control;

    public SocketFtp(Socket control) => _control = control;

    public Socket OpenData()
    {
        _control.Send(Encoding.ASCII.GetBytes("PASV\r\n"));
        var buffer = new byte[512];
        int read = _control.Receive(buffer);
        string response = Encoding.ASCII.GetString(buffer, 0, read).Trim();
        string[] f = response.Substring(response.IndexOf('(') + 1).TrimEnd('.', ')').Split(',');
        var data = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        data.Connect({|FTP0007:f[0] + "." + f[1] + "." + f[2] + "." + f[3]|}, {|FTP0006:int.Parse(f[4]) * 256 + int.Parse(f[5])|});
        return data;
    }
}
