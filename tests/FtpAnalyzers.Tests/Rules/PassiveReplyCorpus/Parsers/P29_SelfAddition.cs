using System;

public class DataPortReader
{
    public static int Read(string strReply)
    {
        string[] arr = strReply.Split('(')[1].Split(')')[0].Split(',');
        int port = Convert.ToInt32(arr[4]) << 8;
        port = {|FTP0006:port + Convert.ToInt32(arr[5])|};
        return port;
    }
}
