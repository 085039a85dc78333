// The shape of a widely copied 2003-era C# FTP client: result fields, a char loop into int[6],
// (parts[4] << 8) + parts[5], and Dns.Resolve on the advertised address.
#pragma warning disable CS0618 // Dns.Resolve is obsolete, which is how that code was written
using System;
using System.Net;

public class FtpException : Exception
{
    public FtpException(string message) : base(message) { }
}

public class Ftp2003
{
    private string result = "";
    private int resultCode;

    private void sendCommand(string command) { }

    private IPEndPoint createDataEndpoint()
    {
        this.sendCommand("PASV");
        if (this.resultCode != 227) throw new FtpException(this.result.Substring(4));

        int index1 = this.result.IndexOf('(');
        int index2 = this.result.IndexOf(')');
        string ipData = this.result.Substring(index1 + 1, index2 - index1 - 1);
        int[] parts = new int[6];
        int len = ipData.Length;
        int partCount = 0;
        string buf = "";

        for (int i = 0; i < len && partCount <= 6; i++)
        {
            char ch = char.Parse(ipData.Substring(i, 1));
            if (char.IsDigit(ch))
                buf += ch;
            else if (ch != ',')
                throw new FtpException("Malformed PASV result: " + result);

            if (ch == ',' || i + 1 == len)
            {
                try
                {
                    parts[partCount++] = int.Parse(buf);
                    buf = "";
                }
                catch (Exception)
                {
                    throw new FtpException("Malformed PASV result (not supported?): " + this.result);
                }
            }
        }

        string ipAddress = parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
        int port = {|FTP0006:(parts[4] << 8) + parts[5]|};
        return new IPEndPoint(Dns.Resolve({|FTP0007:ipAddress|}).AddressList[0], port);
    }
}
