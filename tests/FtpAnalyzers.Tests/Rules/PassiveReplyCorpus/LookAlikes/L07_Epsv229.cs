// EPSV: the 229 reply carries only a port between delimiters.
using System;

static class Extended
{
    public static int Port(string reply)
    {
        if (!reply.StartsWith("229"))
            throw new FormatException(reply);
        int open = reply.IndexOf('(');
        string inner = reply.Substring(open + 1, reply.IndexOf(')') - open - 1);
        return int.Parse(inner.Split('|')[3]);
    }
}
