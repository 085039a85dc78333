namespace Ftp;

/// <summary>Where the data connection goes after a 227 reply.</summary>
public enum PassiveAddressPolicy
{
    /// <summary>
    /// Connect to the control connection's peer and take only the port from the reply, as curl
    /// (since 7.74.0, CVE-2020-8284) and Python's ftplib (CVE-2021-4189) do. The default.
    /// </summary>
    UseControlAddress,

    /// <summary>
    /// Connect to the address the server advertises. A hostile server can then point the client
    /// at any host and port; use only for servers behind NAT that advertise another address.
    /// </summary>
    UseAdvertisedAddress,
}
