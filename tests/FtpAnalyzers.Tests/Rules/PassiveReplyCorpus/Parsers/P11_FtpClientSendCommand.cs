// With Ftp.Client: the reply of SendCommand("PASV") parsed by hand, no parentheses assumed.
using Ftp;

class Downloader
{
    public int DataPort(FtpConnection connection)
    {
        FtpReply reply = connection.SendCommand("PASV");
        string text = reply.Message.TrimEnd('.');
        string[] parts = text.Substring(text.LastIndexOf(' ') + 1).Split(',');
        return {|FTP0006:int.Parse(parts[4]) * 256 + int.Parse(parts[5])|};
    }
}
