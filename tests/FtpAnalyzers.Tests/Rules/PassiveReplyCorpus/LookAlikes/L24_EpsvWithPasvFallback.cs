// EPSV first, PASV only mentioned in a message: the 229 parse is not a 227 parse.
using System;

class ExtendedFirst
{
    public static int DataPort(string reply)
    {
        if (!reply.StartsWith("229"))
            throw new NotSupportedException("server refused EPSV; PASV is not implemented");
        int start = reply.IndexOf('(') + 1;
        string[] fields = reply.Substring(start, reply.IndexOf(')') - start).Split('|');
        return int.Parse(fields[3]);
    }
}
