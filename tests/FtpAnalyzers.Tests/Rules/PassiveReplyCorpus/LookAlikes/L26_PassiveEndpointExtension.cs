// Using Ftp.Client the right way, with the words PASV and 227 all over the place.
using System.Net;
using Ftp;

static class PassiveExtensions
{
    public static IPEndPoint DataEndPoint(this FtpConnection connection)
    {
        FtpReply reply = connection.Pasv();
        if (reply.Code != 227)
            throw new FtpProtocolException("PASV answered " + reply);
        return PassiveEndpoint.Parse(reply).ToEndPoint(connection.RemoteEndPoint.Address);
    }
}
