// Reply codes as an enum and constants, compared and switched on.
enum FtpStatus
{
    DataConnectionOpen = 125,
    EnteringPassiveMode = 227,
    EnteringExtendedPassiveMode = 229,
}

static class Codes
{
    public const int Passive = 227;

    public static string Describe(int code) => code switch
    {
        227 => "Entering Passive Mode",
        229 => "Entering Extended Passive Mode",
        _ => "other",
    };

    public static int Combine(int page, int offset) => page * 256 + offset;
}
