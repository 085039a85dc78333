// A client in active mode: sends PORT with its own address and port; also the word PASV appears.
using System.IO;
using System.Net;

class ActiveClient
{
    public void SendPort(StreamWriter writer, IPEndPoint local, bool passiveFailed)
    {
        if (passiveFailed)
            writer.WriteLine("NOOP"); // PASV failed, fall back to PORT
        var b = local.Address.GetAddressBytes();
        int high = local.Port / 256, low = local.Port % 256;
        writer.WriteLine($"PORT {b[0]},{b[1]},{b[2]},{b[3]},{high},{low}");
        int check = high * 256 + low;
        System.Diagnostics.Debug.Assert(check == local.Port);
    }
}
