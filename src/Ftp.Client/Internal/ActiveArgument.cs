using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Ftp.Internal;

/// <summary>The argument of PORT ("h1,h2,h3,h4,p1,p2") and EPRT ("|1|address|port|", RFC 2428).</summary>
internal static class ActiveArgument
{
    public static string Format(string verb, IPEndPoint endPoint)
    {
        string port = endPoint.Port.ToString(CultureInfo.InvariantCulture);
        if (verb == "PORT")
        {
            byte[] b = endPoint.Address.GetAddressBytes();
            return string.Join(",", b[0], b[1], b[2], b[3], endPoint.Port >> 8, endPoint.Port & 0xFF);
        }

        string family = endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? "2" : "1";
        return "|" + family + "|" + endPoint.Address + "|" + port + "|";
    }

    /// <summary>The endpoint a raw PORT or EPRT line names; <see cref="ArgumentException"/> when malformed.</summary>
    public static IPEndPoint Parse(string verb, string? argument)
    {
        IPEndPoint? endPoint = verb == "PORT" ? ParsePort(argument) : ParseEprt(argument);
        return endPoint ?? throw new ArgumentException(
            verb == "PORT"
                ? "A PORT line needs h1,h2,h3,h4,p1,p2 (six numbers 0-255); or call Port(IPEndPoint)."
                : "An EPRT line needs |1|address|port| or |2|address|port|; or call Eprt(IPEndPoint).",
            "commandLine");
    }

    private static IPEndPoint? ParsePort(string? argument)
    {
        string[] parts = (argument ?? "").Trim().Split(',');
        if (parts.Length != 6)
        {
            return null;
        }

        var numbers = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            if (parts[i].Length is 0 or > 3 || !byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return new IPEndPoint(new IPAddress(new[] { numbers[0], numbers[1], numbers[2], numbers[3] }), (numbers[4] << 8) | numbers[5]);
    }

    private static IPEndPoint? ParseEprt(string? argument)
    {
        string text = (argument ?? "").Trim();
        if (text.Length < 7)
        {
            return null;
        }

        string[] parts = text.Split(text[0]);
        if (parts.Length != 5 || parts[0].Length != 0 || parts[4].Length != 0
            || !IPAddress.TryParse(parts[2], out IPAddress? address)
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
        {
            return null;
        }

        bool familyMatches = (parts[1] == "1" && address.AddressFamily == AddressFamily.InterNetwork)
            || (parts[1] == "2" && address.AddressFamily == AddressFamily.InterNetworkV6);
        return familyMatches ? new IPEndPoint(address, port) : null;
    }
}
