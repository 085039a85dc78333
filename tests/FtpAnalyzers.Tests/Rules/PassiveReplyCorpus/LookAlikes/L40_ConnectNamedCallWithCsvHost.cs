// A CSV line with four dotted parts and a port handed to a method named for connecting:
// nothing says FTP, so neither the numbers nor the host are a 227 reply's.
class ClusterConfig
{
    public void Load(string line)
    {
        string[] f = line.Split(',');
        string host = f[0] + "." + f[1] + "." + f[2] + "." + f[3];
        int port = int.Parse(f[4]) * 256 + int.Parse(f[5]);
        ConnectToNode(host, port);
    }

    private void ConnectToNode(string host, int port) { }
}
