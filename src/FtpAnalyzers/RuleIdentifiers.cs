namespace FtpAnalyzers;

/// <summary>The rule IDs. An ID is never reused, even after its rule is retired.</summary>
internal static class RuleIdentifiers
{
    public const string PassWithoutUser = "FTP0001";
    public const string RntoWithoutRnfr = "FTP0002";
    public const string CommandBetweenRnfrAndRnto = "FTP0003";
    public const string TransferWithoutDataConnection = "FTP0004";
    public const string CommandBeforeLogin = "FTP0005";
    public const string HandWrittenPassiveReplyParsing = "FTP0006";
    public const string ConnectToAdvertisedPassiveAddress = "FTP0007";
    public const string TlsSetupOutOfOrder = "FTP0008";
    public const string CredentialsBeforeAuthTls = "FTP0009";
    public const string TransferWithoutProtPrivate = "FTP0010";
}
