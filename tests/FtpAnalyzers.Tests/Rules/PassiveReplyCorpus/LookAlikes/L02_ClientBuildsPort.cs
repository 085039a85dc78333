// Active mode: the client builds a PORT command from its own endpoint.
using System.Net;

class ActiveMode
{
    public static string PortCommand(IPEndPoint local)
    {
        string host = local.Address.ToString().Replace('.', ',');
        return "PORT " + host + "," + (local.Port >> 8) + "," + (local.Port & 0xFF);
    }

    public static int Reassemble(byte high, byte low) => high * 256 + low;
}
