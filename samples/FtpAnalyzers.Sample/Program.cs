using System;
using System.IO;
using Ftp;

// Usage: FtpAnalyzers.Sample <host> <port> <user> <password>
// Logs in, lists the home folder, renames hello.txt there and back, and downloads it.
// Every FTP mistake below is on purpose and marked with the rule that reports it.
if (args.Length < 4)
{
    Console.WriteLine("usage: FtpAnalyzers.Sample <host> <port> <user> <password>");
    return 0;
}

string host = args[0];
int port = int.Parse(args[1]);
string user = args[2];
string password = args[3];

using var connection = FtpConnection.Connect(host, port);
Console.WriteLine(connection.Greeting);

// FTP0001: PASS before USER. The server answers 503 "Login with USER first".
connection.Pass(password);
connection.User(user);

var listing = new MemoryStream();
// FTP0004: LIST with no PASV/EPSV before it. The server would answer 425; the client throws.
connection.List(listing);
Console.WriteLine(System.Text.Encoding.UTF8.GetString(listing.ToArray()));

// FTP0002: RNTO before RNFR. The server answers 503.
connection.Rnto("renamed.txt");
connection.Rnfr("hello.txt");

// FTP0003: a command between RNFR and RNTO. inetutils ftpd answers the RNTO with 503.
connection.Rnfr("renamed.txt");
connection.Pwd();
connection.Rnto("hello.txt");

var files = new[] { "hello.txt", "hello.txt" };
connection.Pasv();
foreach (var file in files)
{
    var content = new MemoryStream();
    // FTP0004: one PASV before the loop serves only the first RETR; from the second on: 425.
    connection.Retr(file, content);
    Console.WriteLine($"{file}: {content.Length} bytes");
}

using (var second = FtpConnection.Connect(host, port))
{
    // FTP0005: a command before the login. The server answers 530 Not logged in.
    Console.WriteLine(second.Pwd());
    second.Login(user, password);
}

connection.Quit();
return 0;
