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
        if len(sys.argv) > 5:
            try:
                from pyftpdlib.handlers import TLS_FTPHandler
            except ImportError:
                print("missing-tls", flush=True)
                sys.exit(3)
            class Handler(TLS_FTPHandler):
                pass
            Handler.certfile, Handler.keyfile = sys.argv[4:6]
            required = len(sys.argv) < 7 or sys.argv[6] != "optional"
            Handler.tls_control_required = required
            Handler.tls_data_required = required
        else:
            class Handler(FTPHandler):
                pass
        Handler.authorizer = authorizer
        Handler.permit_foreign_addresses = False
        server = FTPServer(("127.0.0.1", 0), Handler)
        print(server.socket.getsockname()[1], flush=True)
        server.serve_forever()
        """;

    private PyftpdlibServer(string? homeDirectory, bool tls)
        : base(tls ? "pyftpdlib (TLS)" : "pyftpdlib", homeDirectory)
    {
    }

    /// <summary>
    /// Starts pyftpdlib serving <paramref name="homeDirectory"/> (a new temp folder when null). With
    /// <paramref name="tls"/> it runs TLS_FTPHandler (python3-openssl) requiring TLS on the control
    /// and data connections (tls_control_required, tls_data_required) unless <see cref="ServerTls.Optional"/>;
    /// pyftpdlib has no implicit TLS.
    /// </summary>
    public static PyftpdlibServer Start(string? homeDirectory = null, ServerTls? tls = null)
    {
        RequireFile(PythonPath, "Debian's python3");
        if (tls is { Implicit: true })
        {
            throw new ArgumentException("pyftpdlib has no implicit TLS.", nameof(tls));
        }

        var server = new PyftpdlibServer(homeDirectory, tls is not null);
        try
        {
            string script = Path.Combine(server.ScratchDirectory, "server.py");
            File.WriteAllText(script, Script);
            var startInfo = new ProcessStartInfo(PythonPath) { ArgumentList = { script, server.UserName, server.Password, server.HomeDirectory } };
            if (tls is not null)
            {
                startInfo.ArgumentList.Add(tls.Certificate.CertificatePath);
                startInfo.ArgumentList.Add(tls.Certificate.KeyPath);
                if (tls.Optional)
                {
                    startInfo.ArgumentList.Add("optional");
                }
            }

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
        if (line == "missing-tls")
        {
            throw new InvalidOperationException("pyftpdlib's TLS_FTPHandler needs python3-openssl. Run .ci/install-ftp-servers.sh as root.");
        }

        if (line == "missing")
        {
            throw new InvalidOperationException("python3-pyftpdlib is not installed. Run .ci/install-ftp-servers.sh as root.");
        }

        return int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out int port)
            ? port
            : throw new ServerStartException($"pyftpdlib did not start: {Output}");
    }
}
