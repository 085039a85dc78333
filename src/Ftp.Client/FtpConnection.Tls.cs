using System;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Ftp.Internal;
using Ftp.Internal.Tls;
using Org.BouncyCastle.Tls;

namespace Ftp;

// FTPS (RFC 4217): TLS on the control connection (AUTH TLS or implicit), PBSZ/PROT for the data
// connections, CCC, and the checks a TLS data connection needs at its end.
public sealed partial class FtpConnection
{
    private static readonly Regex AnnouncedSize = new(@"\((\d{1,19}) bytes\)", RegexOptions.CultureInvariant);

    private readonly FtpEncryption _encryption;
    private readonly TlsSettings _tlsSettings;
    private TlsChannel? _controlTls;

    // What data connections resume; kept after CCC, whose data connections stay PROT P.
    private TlsResumption? _savedResumption;
    private bool _dataProtectionNegotiated;

    // Set by a TLS data connection that did not resume the control connection's session (why), so
    // a refusal of that transfer says so; null after one that resumed.
    private string? _unresumedDataTls;
    private bool _binary;
    private bool _restPending;

    /// <summary>True while the control connection is TLS (after AUTH TLS, or from the start under Implicit encryption; false again after CCC).</summary>
    public bool IsEncrypted => _controlTls is not null;

    /// <summary>What the next data connection uses: <see cref="FtpProtection.Private"/> (TLS) once the server accepted PROT P.</summary>
    public FtpProtection DataProtection { get; private set; } = FtpProtection.Clear;

    private void RequireAuthTls(FtpReply reply)
    {
        if (!IsEncrypted)
        {
            Close("the server refused AUTH TLS.");
            throw new FtpException($"The server refused AUTH TLS (\"{reply.Code} {reply.Message}\"). FtpConnectionOptions.Encryption is Explicit, so the connection is not used without TLS; nothing else was sent.", reply);
        }
    }

    /// <summary>After AUTH TLS was answered 234, or before the greeting under Implicit: the handshake on the control connection.</summary>
    private void StartControlTls()
    {
        CheckNothingBuffered();
        try
        {
            _control.ReceiveTimeout = SocketOps.ToSocketTimeout(_readTimeout);
            _controlTls = TlsChannel.Handshake(_control, _tlsSettings, null, "control connection");
            Log("TLS: control connection is " + _controlTls.Version);
        }
        catch (Exception e)
        {
            throw FailAndReport(e);
        }
    }

    private async Task StartControlTlsAsync(CancellationToken cancellationToken)
    {
        CheckNothingBuffered();
        try
        {
            _control.ReceiveTimeout = SocketOps.ToSocketTimeout(_readTimeout);
            _controlTls = await TlsChannel.HandshakeAsync(_control, _tlsSettings, null, "control connection", _readTimeout, cancellationToken).ConfigureAwait(false);
            Log("TLS: control connection is " + _controlTls.Version);
        }
        catch (Exception e)
        {
            throw FailAndReport(e);
        }
    }

    // Bytes after the 234 would be plain text the handshake cannot start on (a hostile or broken server).
    private void CheckNothingBuffered()
    {
        if (_reader.IsInsideReply)
        {
            var failure = new FtpProtocolException("The server sent more after its 234 reply to AUTH TLS than the reply: the TLS handshake cannot start.");
            Close(failure.Message);
            throw failure;
        }
    }

    /// <summary>Under Explicit/Implicit encryption, once a login completes: PBSZ 0, PROT P (RFC 4217 9), so data connections are TLS.</summary>
    private bool NeedsDataProtection(string verb, FtpReply reply)
        => _encryption != FtpEncryption.None && !_dataProtectionNegotiated && IsEncrypted
            && verb is "USER" or "PASS" or "ACCT" && reply.Code == 230;

    private void ProtectData()
    {
        _dataProtectionNegotiated = true;
        FtpReply pbsz = Exchange("PBSZ", "PBSZ 0");
        FtpReply prot = pbsz.IsPositiveCompletion ? Exchange("PROT", "PROT P") : pbsz;
        AfterProt(FtpProtection.Private, prot);
        if (!prot.IsPositiveCompletion)
        {
            string step = ReferenceEquals(prot, pbsz) ? "PBSZ 0" : "PROT P";
            throw new FtpException($"The login succeeded, but the server refused {step} (\"{prot.Code} {prot.Message}\"): data connections would not be encrypted. The connection stays open with DataProtection Clear.", prot);
        }
    }

    private async Task ProtectDataAsync(CancellationToken cancellationToken)
    {
        _dataProtectionNegotiated = true;
        FtpReply pbsz = await ExchangeAsync("PBSZ", "PBSZ 0", cancellationToken).ConfigureAwait(false);
        FtpReply prot = pbsz.IsPositiveCompletion ? await ExchangeAsync("PROT", "PROT P", cancellationToken).ConfigureAwait(false) : pbsz;
        AfterProt(FtpProtection.Private, prot);
        if (!prot.IsPositiveCompletion)
        {
            string step = ReferenceEquals(prot, pbsz) ? "PBSZ 0" : "PROT P";
            throw new FtpException($"The login succeeded, but the server refused {step} (\"{prot.Code} {prot.Message}\"): data connections would not be encrypted. The connection stays open with DataProtection Clear.", prot);
        }
    }

    private void AfterProt(FtpProtection level, FtpReply reply)
    {
        if (reply.IsPositiveCompletion)
        {
            DataProtection = level;
        }
    }

    /// <summary>CCC answered 200: close the TLS session of the control connection and go on in clear text (RFC 4217 12.3).</summary>
    private void ClearControl(FtpReply reply)
    {
        if (!reply.IsPositiveCompletion || _controlTls is null)
        {
            return;
        }

        TlsChannel tls = _controlTls;
        _savedResumption = tls.Resumption ?? _savedResumption;
        _controlTls = null;
        try
        {
            tls.CloseNotify();
            DiscardPeerCloseNotify();
        }
        catch (Exception e)
        {
            throw FailAndReport(e);
        }
    }

    // The server answers our close_notify with its own (an alert record, type 21) before any plain
    // reply; a server that does not sends the next reply's digits, which are left for the reader.
    private void DiscardPeerCloseNotify()
    {
        var header = new byte[5];
        if (!_control.Poll(SocketOps.ToSocketTimeout(TimeSpan.FromSeconds(2)) * 1000, SelectMode.SelectRead)
            || _control.Receive(header, 0, 1, SocketFlags.Peek) == 0
            || header[0] != 21)
        {
            return;
        }

        ReceiveExactly(header, 5);
        var record = new byte[(header[3] << 8) | header[4]];
        ReceiveExactly(record, record.Length);
    }

    private void ReceiveExactly(byte[] buffer, int count)
    {
        int read = 0;
        while (read < count)
        {
            int n = _control.Receive(buffer, read, count - read, SocketFlags.None);
            if (n == 0)
            {
                throw ClosedByServer();
            }

            read += n;
        }
    }

    /// <summary>The TLS handshake of a data connection, after the transfer's 1xx: same host name, same certificate check, the control connection's session offered for resumption.</summary>
    private TlsChannel? StartDataTls(Socket data)
    {
        _unresumedDataTls = null;
        if (DataProtection != FtpProtection.Private)
        {
            return null;
        }

        data.ReceiveTimeout = SocketOps.ToSocketTimeout(_readTimeout);
        data.SendTimeout = SocketOps.ToSocketTimeout(_readTimeout);
        TlsResumption? resume = SessionToResume();
        TlsChannel tls = TlsChannel.Handshake(data, _tlsSettings, resume, "data connection", bufferInput: true);
        NoteDataTls(tls, resume);
        return tls;
    }

    private async Task<TlsChannel?> StartDataTlsAsync(Socket data, CancellationToken cancellationToken)
    {
        _unresumedDataTls = null;
        if (DataProtection != FtpProtection.Private)
        {
            return null;
        }

        data.ReceiveTimeout = SocketOps.ToSocketTimeout(_readTimeout);
        data.SendTimeout = SocketOps.ToSocketTimeout(_readTimeout);
        TlsResumption? resume = SessionToResume();
        TlsChannel tls = await TlsChannel.HandshakeAsync(data, _tlsSettings, resume, "data connection", _readTimeout, cancellationToken, bufferInput: true).ConfigureAwait(false);
        NoteDataTls(tls, resume);
        return tls;
    }

    // No fall back goes unsaid: a data connection that did not resume is logged with the reason,
    // and a refusal of its transfer by a helper (Download, Upload...) names it.
    private void NoteDataTls(TlsChannel tls, TlsResumption? resume)
    {
        Log($"TLS: data connection is {tls.Version}, {(tls.Resumed ? "resuming" : "not resuming")} the control connection's session");
        if (tls.Resumed)
        {
            _unresumedDataTls = null;
            return;
        }

        string why = resume is null
            ? "the control connection is not TLS"
            : resume.CanResume ? "the server did not accept the offered " + (resume.Ticket is null ? "session" : "session ticket") : resume.WhyNot;
        _unresumedDataTls = $"the {tls.Version} data connection did not resume the control connection's TLS session ({why})";
        Log("TLS: " + _unresumedDataTls);
    }

    /// <summary>A helper's step refused: after a data connection that did not resume, the message says so, since servers that require session reuse refuse exactly those.</summary>
    private FtpException TransferStepFailed(string operation, string step, FtpReply reply)
    {
        string? unresumed = _unresumedDataTls;
        if (unresumed is null || !IsTransferVerb(step))
        {
            return StepFailed(operation, step, reply);
        }

        return new FtpException($"{operation} failed: {step} was answered \"{reply.Code} {reply.Message}\": {unresumed}. Servers that require session reuse on data connections (vsftpd's require_ssl_reuse, ProFTPD's default TLSOptions) refuse such a transfer.", reply);
    }

    private static bool IsTransferVerb(string step)
        => step.StartsWith("RETR", StringComparison.Ordinal) || step.StartsWith("STOR", StringComparison.Ordinal);

    // Taken at each transfer: in TLS 1.3 the tickets come after the handshake.
    private TlsResumption? SessionToResume() => _controlTls?.Resumption ?? _savedResumption;

    /// <summary>
    /// A TLS data connection that ended without close_notify may be truncated: accepted (as curl and
    /// ftplib do) when the server's final reply is positive and, where the 1xx announced a size of
    /// a binary transfer from the start, the byte count matches it.
    /// </summary>
    private FtpException? CheckUncleanEnd(string verb, FtpReply preliminary, FtpReply final, long received, bool sizeKnowable)
    {
        if (!final.IsPositiveCompletion)
        {
            return null;
        }

        if (sizeKnowable && AnnouncedSize.Match(preliminary.Message) is { Success: true } match
            && long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long announced)
            && announced != received)
        {
            return new FtpException($"{verb}: the server ended the TLS data connection without close_notify after {received} of the {announced} bytes it announced: the data is truncated, although it answered \"{final.Code} {final.Message}\".", final);
        }

        return null;
    }

    /// <summary>What the command changed that the client must know: TLS on or off, the data protection, the type and a pending REST (for the truncation check).</summary>
    private void TrackSessionState(string verb, string line, FtpReply reply)
    {
        string argument = (CommandLine.ArgumentOf(line) ?? "").Trim().ToUpperInvariant();
        switch (verb)
        {
            case "TYPE" when reply.IsPositiveCompletion:
                _binary = argument.StartsWith("I", StringComparison.Ordinal) || argument.StartsWith("L 8", StringComparison.Ordinal);
                break;
            case "REST":
                _restPending = reply.Code == 350;
                break;
            case "PROT" when argument is "P" or "C":
                AfterProt(argument == "P" ? FtpProtection.Private : FtpProtection.Clear, reply);
                break;
            case "CCC":
                ClearControl(reply);
                break;
            case "REIN" when reply.IsPositiveCompletion:
                // RFC 4217 11: REIN ends the security state too, on the servers that implement it.
                _dataProtectionNegotiated = false;
                DataProtection = FtpProtection.Clear;
                break;
        }
    }

    /// <summary>True when AUTH TLS (or AUTH SSL, its old spelling) was answered 234: the control connection's handshake starts now.</summary>
    private static bool StartsTls(string verb, string line, FtpReply reply)
        => verb == "AUTH" && reply.Code == 234
            && (CommandLine.ArgumentOf(line) ?? "").Trim().ToUpperInvariant() is "TLS" or "SSL" or "TLS-C" or "TLS-P";

    private Exception FailAndReport(Exception e)
    {
        if (e is AuthenticationException)
        {
            Close("the TLS handshake failed.");
            return e;
        }

        return Fail(e);
    }
}
