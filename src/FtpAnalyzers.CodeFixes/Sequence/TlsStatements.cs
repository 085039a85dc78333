using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FtpAnalyzers.Protocol;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FtpAnalyzers.CodeFixes.Sequence;

/// <summary>What the TLS fixers (FTP0008-FTP0010) share: the verbs of the FTPS set-up and the statements they write.</summary>
internal static class TlsStatements
{
    public static readonly string[] Auth = { FtpVerbs.Auth };

    /// <summary>A statement sending only PBSZ or PROT (any level) on the site's connection, its reply discarded.</summary>
    public static bool IsPbszOrProt(CommandSite site, StatementSyntax statement, CancellationToken cancellationToken)
        => site.DiscardedCommand(statement, cancellationToken, FtpVerbs.Pbsz) is not null
        || new[] { FtpVerbs.Prot, FtpVerbs.ProtPrivate, FtpVerbs.ProtClear }.Any(v => site.DiscardedCommand(statement, cancellationToken, v) is not null);

    /// <summary><c>c.Pbsz(0);</c> written like <paramref name="shape"/> (sync, or awaited async with its token and ConfigureAwait).</summary>
    public static StatementSyntax Pbsz(CallShape shape)
        => SyntaxFactory.ExpressionStatement(shape.Build("Pbsz", SyntaxFactory.ParseExpression("0")));

    /// <summary><c>c.Prot(FtpProtection.Private);</c>, the enum named as it can be at <paramref name="position"/>.</summary>
    public static StatementSyntax ProtPrivate(CallShape shape, SemanticModel model, int position)
    {
        var protection = model.LookupNamespacesAndTypes(position, name: "FtpProtection").OfType<INamedTypeSymbol>()
            .Any(t => t.ToDisplayString() == "Ftp.FtpProtection")
            ? "FtpProtection.Private"
            : "global::Ftp.FtpProtection.Private";
        return SyntaxFactory.ExpressionStatement(shape.Build("Prot", SyntaxFactory.ParseExpression(protection)));
    }

    /// <summary>The statements of the PBSZ and PROT set-up: <c>Pbsz(0); Prot(FtpProtection.Private);</c>.</summary>
    public static IReadOnlyList<StatementSyntax> Protection(CallShape shape, SemanticModel model, int position)
        => new[] { Pbsz(shape), ProtPrivate(shape, model, position) };
}
