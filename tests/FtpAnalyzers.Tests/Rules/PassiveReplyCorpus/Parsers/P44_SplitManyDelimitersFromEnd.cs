// One Split on spaces and commas, the numbers counted from the end of the reply.
using System;
using System.Net;

class FromTheEnd
{
    public static IPEndPoint DataEndpoint(string line)
    {
        if (!line.StartsWith("227"))
            return null;
        string[] tokens = line.TrimEnd('.').Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries);
        int n = tokens.Length;
        string host = tokens[n - 6] + "." + tokens[n - 5] + "." + tokens[n - 4] + "." + tokens[n - 3];
        int port = {|FTP0006:int.Parse(tokens[n - 2]) * 256 + int.Parse(tokens[n - 1])|};
        return new IPEndPoint({|FTP0007:IPAddress.Parse(host)|}, port);
    }
}
