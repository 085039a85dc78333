// The right way with Ftp.Client: PassiveEndpoint and the control connection's address.
using System.Net.Sockets;
using Ftp;

class GoodClient
{
    public TcpClient Open(FtpConnection connection)
    {
        var endpoint = PassiveEndpoint.Parse(connection.Pasv());
        var client = new TcpClient();
        client.Connect(endpoint.ToEndPoint(connection.RemoteEndPoint.Address));
        return client;
    }
}
