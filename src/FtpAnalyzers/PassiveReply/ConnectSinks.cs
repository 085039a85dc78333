using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using static FtpAnalyzers.PassiveReply.NetTypes;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// Where a host or address becomes a connection: new TcpClient(host, port), TcpClient/Socket
/// Connect*, new IPEndPoint(address, port), new DnsEndPoint(host, port), Dns.GetHost*; and, for
/// code whose socket type is its own or is not resolved (a file compiled alone, a UWP
/// StreamSocket), any call or construction with a name of connecting (Connect, ConnectAsync,
/// BeginConnect, new DataConnection(…), OpenDataConnection(…)) given at least a host and a port.
/// Which value is the host is the data flow's question: a sink only says where to look.
/// </summary>
internal static class ConnectSinks
{
    /// <summary>The values given to <paramref name="operation"/> that may name the host to connect to, or null.</summary>
    public static IEnumerable<IOperation>? HostArguments(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation { Constructor: { } constructor } creation
                when IsSocketsType(constructor.ContainingType, "TcpClient") || IsNetType(constructor.ContainingType, "IPEndPoint") || IsNetType(constructor.ContainingType, "DnsEndPoint"):
                return HostTyped(creation.Arguments);
            case IObjectCreationOperation { Constructor: { } constructor } creation when creation.Arguments.Length >= 2 && NamesConnecting(constructor.ContainingType.Name):
                return Values(creation.Arguments);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if ((IsSocketsType(method.ContainingType, "TcpClient") || IsSocketsType(method.ContainingType, "Socket") || IsSocketsType(method.ContainingType, "UdpClient"))
                    && (method.Name.StartsWith("Connect", StringComparison.Ordinal) || method.Name == "BeginConnect"))
                    return HostTyped(invocation.Arguments);
                if (IsNetType(method.ContainingType, "Dns") && (method.Name.StartsWith("GetHost", StringComparison.Ordinal) || method.Name.StartsWith("BeginGetHost", StringComparison.Ordinal) || method.Name == "Resolve"))
                    return HostTyped(invocation.Arguments);
                if (invocation.Arguments.Length >= 2 && NamesConnecting(method.Name) && !IsSocketsType(method.ContainingType, method.ContainingType.Name))
                    return Values(invocation.Arguments);
                return null;
            case IInvalidOperation invalid when Unresolved(invalid) is { } arguments:
                return arguments;
            default:
                return null;
        }
    }

    /// <summary>
    /// A name of connecting, as types and methods are written: Connect, ConnectAsync, BeginConnect,
    /// ConnectDataSocket, DataConnection, OpenDataConnection — not IsConnected, Disconnect or a
    /// local named connection.
    /// </summary>
    internal static bool NamesConnecting(string name) => NamesConnecting(name, 0, name.Length);

    /// <summary><see cref="NamesConnecting(string)"/> for the name written at <paramref name="start"/> in <paramref name="text"/>, without making a string of it.</summary>
    internal static bool NamesConnecting(string text, int start, int length)
        => EndsWith(text, start, length, "Connect")
        || EndsWith(text, start, length, "ConnectAsync")
        || EndsWith(text, start, length, "Connection")
        || length > 7 && string.CompareOrdinal(text, start, "Connect", 0, 7) == 0 && char.IsUpper(text[start + 7]);

    private static bool EndsWith(string text, int start, int length, string suffix)
        => length >= suffix.Length && string.CompareOrdinal(text, start + length - suffix.Length, suffix, 0, suffix.Length) == 0;

    /// <summary>
    /// A call or construction the compiler could not bind (its type is in a file not compiled, or
    /// in a missing reference) whose name is one of connecting: its arguments, read from syntax.
    /// </summary>
    private static IEnumerable<IOperation>? Unresolved(IInvalidOperation invalid)
    {
        var (name, arguments) = invalid.Syntax switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call => (access.Name.Identifier.ValueText, call.ArgumentList),
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } call => (identifier.Identifier.ValueText, call.ArgumentList),
            ObjectCreationExpressionSyntax { Type: var type } creation => (TypeName(type), creation.ArgumentList),
            _ => (null, null),
        };
        if (name is null || arguments is not { Arguments.Count: >= 2 } || !NamesConnecting(name))
            return null;
        var values = new List<IOperation>(arguments.Arguments.Count);
        foreach (var child in invalid.ChildOperations)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (child.Syntax == argument.Expression || child.Syntax == argument)
                {
                    values.Add(child is IArgumentOperation { Value: var value } ? value : child);
                    break;
                }
            }
        }
        return values;
    }

    private static string? TypeName(TypeSyntax type)
        => type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };

    private static IEnumerable<IOperation> Values(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
            yield return argument.Value;
    }

    private static IEnumerable<IOperation> HostTyped(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            var type = argument.Parameter?.Type;
            if (type is null)
                continue;
            if (type.SpecialType == SpecialType.System_String || IsNetType(type, "IPAddress") || IsNetType(type, "EndPoint") || type is IArrayTypeSymbol { ElementType: var element } && IsNetType(element, "IPAddress"))
                yield return argument.Value;
        }
    }
}
