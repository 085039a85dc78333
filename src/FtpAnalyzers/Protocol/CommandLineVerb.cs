using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Protocol;

/// <summary>
/// The verb of a command line given to SendCommand: the text before the first space, known when
/// the line is a constant, or an interpolated, concatenated or formatted string that starts with
/// constant text containing the verb ("PASS " + pw, $"RNTO {to}", string.Format("RETR {0}", f)).
/// Case-insensitive, like servers.
/// </summary>
internal static class CommandLineVerb
{
    public static string? Of(IOperation? commandLine)
    {
        var (text, isWhole) = LeadingText(commandLine);
        if (text is null)
            return null;

        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
            end++;
        if (end == text.Length && !isWhole)
            return null; // "PA" + rest: the verb continues in text that is not known.

        var verb = text.Substring(0, end);
        return IsVerb(verb) ? verb.ToUpperInvariant() : null;
    }

    /// <summary>
    /// The verb of a command line as the sequence rules follow it (<see cref="FtpVerbs"/>): the
    /// verb, except that PROT carries its level when the whole line is a constant ("PROT P",
    /// "PROT C"; else "PROT", level unknown), and AUTH is known only for a constant line that asks
    /// for TLS ("AUTH TLS", "AUTH SSL", "AUTH TLS-C", "AUTH TLS-P"): another mechanism, or one not
    /// known, is a command whose verb is not known.
    /// </summary>
    public static string? QualifiedOf(IOperation? commandLine)
    {
        var verb = Of(commandLine);
        if (verb is not (FtpVerbs.Auth or FtpVerbs.Prot))
            return verb;

        var (text, isWhole) = LeadingText(commandLine);
        var argument = isWhole && text is not null ? text.Substring(verb.Length).Trim().ToUpperInvariant() : null;
        if (verb == FtpVerbs.Auth)
            return argument is "TLS" or "SSL" or "TLS-C" or "TLS-P" ? FtpVerbs.Auth : null;
        return argument switch
        {
            "P" => FtpVerbs.ProtPrivate,
            "C" => FtpVerbs.ProtClear,
            _ => FtpVerbs.Prot,
        };
    }

    /// <summary>An FTP verb: 3 or 4 ASCII letters (RFC 959 section 5.3.1).</summary>
    public static bool IsVerb(string text)
    {
        if (text.Length is < 3 or > 4)
            return false;
        foreach (var c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z')))
                return false;
        }

        return true;
    }

    private static (string? Text, bool IsWhole) LeadingText(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        if (operation is null)
            return (null, false);
        if (operation.ConstantValue.HasValue)
            return (operation.ConstantValue.Value as string, true);

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.Length > 0 && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }
                    ? (text, false)
                    : (null, false);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                var (left, _) = LeadingText(concatenation.LeftOperand);
                return (left, false);
            case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Concat" }, Arguments.Length: > 0 } concat
                when concat.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                var (first, _) = LeadingText(concat.Arguments[0].Value);
                return (first, false);
            case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "Format" } } format:
                // string.Format("PASS {0}", pw): the text before the first placeholder.
                foreach (var argument in format.Arguments)
                {
                    if (argument.Parameter?.Name == "format" && argument.Value.ConstantValue is { HasValue: true, Value: string pattern })
                    {
                        var hole = pattern.IndexOf('{');
                        return hole < 0 ? (pattern, true) : (pattern.Substring(0, hole), false);
                    }
                }

                return (null, false);
            default:
                return (null, false);
        }
    }
}
