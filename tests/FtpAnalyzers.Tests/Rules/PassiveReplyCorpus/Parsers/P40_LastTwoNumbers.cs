// Only the last two numbers cut out, after checking the code.
using System;

class LastTwo
{
    public static int Port(string sData)
    {
        if (!sData.StartsWith("227"))
            throw new ApplicationException(sData);
        string[] sPort = sData.Substring(sData.LastIndexOf(",", sData.LastIndexOf(",") - 1) + 1).Replace(")", "").Replace(".", "").Split(',');
        return {|FTP0006:Convert.ToInt32(sPort[0]) * 256 + Convert.ToInt32(sPort[1])|};
    }
}
