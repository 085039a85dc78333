using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpAnalyzers.Protocol;

/// <summary>An invocation that sends FTP commands on a connection.</summary>
internal sealed class FtpCommandCall
{
    public FtpCommandCall(IInvocationOperation invocation, IOperation connection, ImmutableArray<string?> verbs)
    {
        Invocation = invocation;
        Connection = connection;
        Verbs = verbs;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The expression the connection comes from (the receiver, or the first argument of a static wrapper).</summary>
    public IOperation Connection { get; }

    /// <summary>The verbs sent, in order; null for a command line whose verb is not known.</summary>
    public ImmutableArray<string?> Verbs { get; }
}
