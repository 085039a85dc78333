using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static FtpAnalyzers.PassiveReply.NetTypes;

namespace FtpAnalyzers.PassiveReply;

/// <summary>
/// Where a host or address becomes a connection: new TcpClient(host, port), TcpClient/Socket
/// Connect*, new IPEndPoint(address, port), new DnsEndPoint(host, port), Dns.GetHost*.
/// </summary>
internal static class ConnectSinks
{
    /// <summary>The arguments of <paramref name="operation"/> that name the host to connect to, or null.</summary>
    public static IEnumerable<IArgumentOperation>? HostArguments(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation { Constructor: { } constructor } creation
                when IsSocketsType(constructor.ContainingType, "TcpClient") || IsNetType(constructor.ContainingType, "IPEndPoint") || IsNetType(constructor.ContainingType, "DnsEndPoint"):
                return HostTyped(creation.Arguments);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if ((IsSocketsType(method.ContainingType, "TcpClient") || IsSocketsType(method.ContainingType, "Socket") || IsSocketsType(method.ContainingType, "UdpClient"))
                    && (method.Name.StartsWith("Connect", System.StringComparison.Ordinal) || method.Name == "BeginConnect"))
                    return HostTyped(invocation.Arguments);
                if (IsNetType(method.ContainingType, "Dns") && (method.Name.StartsWith("GetHost", System.StringComparison.Ordinal) || method.Name.StartsWith("BeginGetHost", System.StringComparison.Ordinal) || method.Name == "Resolve"))
                    return HostTyped(invocation.Arguments);
                return null;
            default:
                return null;
        }
    }

    private static IEnumerable<IArgumentOperation> HostTyped(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            var type = argument.Parameter?.Type;
            if (type is null)
                continue;
            if (type.SpecialType == SpecialType.System_String || IsNetType(type, "IPAddress") || IsNetType(type, "EndPoint") || type is IArrayTypeSymbol { ElementType: var element } && IsNetType(element, "IPAddress"))
                yield return argument;
        }
    }
}
