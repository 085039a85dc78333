using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Ftp.Client.Tests.Servers;

/// <summary>
/// pyftpdlib (Debian's python3-pyftpdlib, run by /usr/bin/python3) on 127.0.0.1 and a port it
/// picks itself and prints, with a virtual user rooted at the home folder.
/// </summary>
public sealed class PyftpdlibServer : FtpTestServer
{
    /// <summary>The Debian interpreter that has the python3-pyftpdlib package.</summary>
    public const string PythonPath = "/usr/bin/python3";

    private const string Script = """
        import logging, sys
        try:
            from pyftpdlib.authorizers import DummyAuthorizer
            from pyftpdlib.handlers import FTPHandler
            from pyftpdlib.servers import FTPServer
        except ImportError:
            print("missing", flush=True)
            sys.exit(3)
        user, password, home = sys.argv[1:4]
        logging.basicConfig(level=logging.ERROR)
        authorizer = DummyAuthorizer()
        authorizer.add_user(user, password, home, perm="elradfmwMT")
        class Handler(FTPHandler):
            pass
        Handler.authorizer = authorizer
        Handler.permit_foreign_addresses = False
        server = FTPServer(("127.0.0.1", 0), Handler)
        print(server.socket.getsockname()[1], flush=True)
        server.serve_forever()
        """;

    private PyftpdlibServer(string? homeDirectory)
        : base("pyftpdlib", homeDirectory)
    {
    }

    /// <summary>Starts pyftpdlib serving <paramref name="homeDirectory"/> (a new temp folder when null).</summary>
    public static PyftpdlibServer Start(string? homeDirectory = null)
    {
        RequireFile(PythonPath, "Debian's python3");
        var server = new PyftpdlibServer(homeDirectory);
        try
        {
            string script = Path.Combine(server.ScratchDirectory, "server.py");
            File.WriteAllText(script, Script);
            var startInfo = new ProcessStartInfo(PythonPath) { ArgumentList = { script, server.UserName, server.Password, server.HomeDirectory } };
            server.Launch(startInfo, s => ((PyftpdlibServer)s).ReadPort());
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private int ReadPort()
    {
        if (!FirstLine.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new ServerStartException($"pyftpdlib printed no port within 10 s: {Output}");
        }

        string? line = FirstLine.Result;
        if (line == "missing")
        {
            throw new InvalidOperationException("python3-pyftpdlib is not installed. Run .ci/install-ftp-servers.sh as root.");
        }

        return int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            ? port
            : throw new ServerStartException($"pyftpdlib did not start: {Output}");
    }
}
