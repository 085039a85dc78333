using System.Threading.Tasks;

namespace Ftp.Client.Tests.Servers;

/// <summary>An xunit class fixture owning one server for the tests of a class.</summary>
public abstract class ServerFixture<TServer> : IAsyncLifetime
    where TServer : FtpTestServer
{
    private TServer? _server;

    /// <summary>The running server.</summary>
    public TServer Server => _server ?? throw new System.InvalidOperationException("The fixture was not initialized.");

    /// <inheritdoc />
    public Task InitializeAsync()
    {
        _server = Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Starts the server.</summary>
    protected abstract TServer Start();
}

/// <summary>vsftpd for the tests of one class.</summary>
public sealed class VsftpdFixture : ServerFixture<VsftpdServer>
{
    /// <inheritdoc />
    protected override VsftpdServer Start() => VsftpdServer.Start();
}

/// <summary>pyftpdlib for the tests of one class.</summary>
public sealed class PyftpdlibFixture : ServerFixture<PyftpdlibServer>
{
    /// <inheritdoc />
    protected override PyftpdlibServer Start() => PyftpdlibServer.Start();
}

/// <summary>ProFTPD for the tests of one class.</summary>
public sealed class ProftpdFixture : ServerFixture<ProftpdServer>
{
    /// <inheritdoc />
    protected override ProftpdServer Start() => ProftpdServer.Start();
}

/// <summary>Pure-FTPd for the tests of one class.</summary>
public sealed class PureFtpdFixture : ServerFixture<PureFtpdServer>
{
    /// <inheritdoc />
    protected override PureFtpdServer Start() => PureFtpdServer.Start();
}

/// <summary>vsftpd with explicit TLS and its secure defaults (logins and data forced to TLS, session reuse required).</summary>
public sealed class VsftpdTlsFixture : ServerFixture<VsftpdServer>
{
    /// <inheritdoc />
    protected override VsftpdServer Start() => VsftpdServer.Start(tls: ServerTls.Explicit);
}

/// <summary>vsftpd with implicit TLS (TLS from the first byte).</summary>
public sealed class VsftpdImplicitTlsFixture : ServerFixture<VsftpdServer>
{
    /// <inheritdoc />
    protected override VsftpdServer Start() => VsftpdServer.Start(tls: ServerTls.ImplicitTls);
}

/// <summary>pyftpdlib's TLS_FTPHandler, TLS required on control and data connections.</summary>
public sealed class PyftpdlibTlsFixture : ServerFixture<PyftpdlibServer>
{
    /// <inheritdoc />
    protected override PyftpdlibServer Start() => PyftpdlibServer.Start(tls: ServerTls.Explicit);
}

/// <summary>ProFTPD with mod_tls, TLS required, explicit.</summary>
public sealed class ProftpdTlsFixture : ServerFixture<ProftpdServer>
{
    /// <inheritdoc />
    protected override ProftpdServer Start() => ProftpdServer.Start(tls: ServerTls.Explicit);
}

/// <summary>ProFTPD with mod_tls, implicit TLS.</summary>
public sealed class ProftpdImplicitTlsFixture : ServerFixture<ProftpdServer>
{
    /// <inheritdoc />
    protected override ProftpdServer Start() => ProftpdServer.Start(tls: ServerTls.ImplicitTls);
}

/// <summary>Pure-FTPd with --tls=3.</summary>
public sealed class PureFtpdTlsFixture : ServerFixture<PureFtpdServer>
{
    /// <inheritdoc />
    protected override PureFtpdServer Start() => PureFtpdServer.Start(tls: ServerTls.Explicit);
}

/// <summary>vsftpd with explicit TLS that requires a client certificate from the test CA (require_cert, validate_cert).</summary>
public sealed class VsftpdClientCertificateFixture : ServerFixture<VsftpdServer>
{
    /// <inheritdoc />
    protected override VsftpdServer Start() => VsftpdServer.Start(tls: ServerTls.ExplicitWithClientCertificate);
}
