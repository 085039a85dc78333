using Org.BouncyCastle.Tls;

namespace Ftp.Internal.Tls;

/// <summary>
/// What a data connection needs to resume the control connection's TLS session: its version, and
/// the TLS 1.2 session or the newest TLS 1.3 ticket (null when the server sent none, see <see cref="NoTicketReason"/>).
/// </summary>
internal sealed class TlsResumption
{
    public TlsResumption(ProtocolVersion version, TlsSession? session, ResumptionTicket? ticket, string? noTicketReason)
    {
        Version = version;
        Session = TlsUtilities.IsTlsV13(version) ? null : session;
        Ticket = TlsUtilities.IsTlsV13(version) ? ticket : null;
        NoTicketReason = noTicketReason;
    }

    public ProtocolVersion Version { get; }

    /// <summary>The TLS 1.2 session; null under TLS 1.3.</summary>
    public TlsSession? Session { get; }

    /// <summary>The TLS 1.3 ticket; null under TLS 1.2, or when the server sent none.</summary>
    public ResumptionTicket? Ticket { get; }

    /// <summary>Why there is nothing to resume with, for messages; null when there is.</summary>
    public string? NoTicketReason { get; }

    /// <summary>True when the data connection can offer something to resume.</summary>
    public bool CanResume => Session is not null || Ticket is not null;

    /// <summary>Why a data connection cannot resume, for messages.</summary>
    public string WhyNot => TlsUtilities.IsTlsV13(Version)
        ? NoTicketReason ?? "the server sent no TLS 1.3 session ticket on the control connection"
        : "the control connection's TLS 1.2 session is not resumable";
}
