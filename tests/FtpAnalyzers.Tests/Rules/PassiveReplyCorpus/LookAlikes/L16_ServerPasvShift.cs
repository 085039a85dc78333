// A server announcing its passive port with shifts and masks.
using System.Net.Sockets;
using System.Text;

class PasvResponder
{
    public static void Announce(Socket control, int port)
    {
        string text = $"227 Entering Passive Mode (127,0,0,1,{(port >> 8) & 0xFF},{port & 0xFF})\r\n";
        control.Send(Encoding.ASCII.GetBytes(text));
    }
}
