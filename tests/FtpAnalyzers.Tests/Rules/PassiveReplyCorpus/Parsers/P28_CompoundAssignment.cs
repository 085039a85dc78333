// 2000s style: the port built in two statements.
using System;

public class FtpWrapper
{
    public int GetPassivePort(string sResponse)
    {
        int iStart = sResponse.IndexOf("(");
        int iEnd = sResponse.IndexOf(")");
        string[] sArr = sResponse.Substring(iStart + 1, iEnd - iStart - 1).Split(',');
        int iPort = Int32.Parse(sArr[4]) * 256;
        {|FTP0006:iPort += Int32.Parse(sArr[5])|};
        return iPort;
    }
}
