// With Ftp.Client: Pasv() and the reply's Message cut at the parentheses.
using System.Net.Sockets;
using Ftp;

class PasvThenConnect
{
    public TcpClient Open(FtpConnection connection)
    {
        FtpReply r = connection.Pasv();
        string[] n = r.Message.Split('(')[1].Split(')')[0].Split(',');
        int port = {|FTP0006:int.Parse(n[4]) * 256 + int.Parse(n[5])|};
        return new TcpClient(connection.RemoteEndPoint.Address.ToString(), port);
    }
}
