using Microsoft.CodeAnalysis;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// The System.Net, System.Net.Sockets and Ftp.Client types the rules and their fixes look for, by name and
/// namespace (not by metadata lookup: the rules also run where a type is missing or duplicated).
/// </summary>
internal static class NetTypes
{
    public static bool IsNetType(ITypeSymbol? type, string name)
        => type is { } t && t.Name == name && t.ContainingNamespace is { Name: "Net", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary>A type of Ftp.Client (namespace Ftp): FtpConnection, FtpReply, PassiveEndpoint.</summary>
    public static bool IsFtpType(ITypeSymbol? type, string name)
        => type is { } t && t.Name == name && t.ContainingNamespace is { Name: "Ftp", ContainingNamespace.IsGlobalNamespace: true };

    public static bool IsSocketsType(ITypeSymbol? type, string name)
        => type is { } t && t.Name == name && t.ContainingNamespace is { Name: "Sockets", ContainingNamespace: { Name: "Net", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
