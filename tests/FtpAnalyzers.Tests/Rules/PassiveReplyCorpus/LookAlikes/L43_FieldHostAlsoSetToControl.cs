// The data host field is set to the advertised address by one method and to the control host by
// another: which one a connect reads depends on the order of calls, so it is not claimed.
using System.Net.Sockets;

class Reset
{
    private readonly string _server = "ftp.example.com";
    private string _dataHost;

    public void OnPasv(string reply)
    {
        string[] p = reply.Split('(', ')')[1].Split(',');
        _dataHost = string.Join(".", p, 0, 4);
    }

    public void UseControlAddress() => _dataHost = _server;

    public TcpClient OpenData(int port) => new TcpClient(_dataHost, port);
}
