// A server's PASV handler builds the 227 reply from its own endpoint: divisions, not a parse.
using System.IO;
using System.Net;

class PassiveHandler
{
    public void Handle(IPEndPoint listening, TextWriter replies)
    {
        int p1 = listening.Port / 256;
        int p2 = listening.Port % 256;
        string address = listening.Address.ToString().Replace('.', ',');
        replies.WriteLine($"227 Entering Passive Mode ({address},{p1},{p2})");
    }
}
