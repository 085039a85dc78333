using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FtpAnalyzers.PassiveReply;

/// <summary>What a piece of code must contain, in its tokens, for FTP0006 or FTP0007 to have anything to say there.</summary>
[Flags]
internal enum SyntaxNeeds
{
    None = 0,

    /// <summary>A port computation: a 256 (or 0x100) literal in a multiplication (or given to a name), or a &lt;&lt; 8.</summary>
    PortArithmetic = 1,

    /// <summary>
    /// A connect (a name such as TcpClient, IPEndPoint, Connect, GetHost*, or a target-typed new(…))
    /// and what its host is built with in the same member: a literal with a dot (a join, a format,
    /// Replace(',', '.')), IPAddress, AdvertisedAddress.
    /// </summary>
    ConnectSink = 2,

    /// <summary>An assignment to FtpConnectionOptions.PassiveAddressPolicy (FTP0007's Info case).</summary>
    PolicyAssignment = 4,
}

/// <summary>
/// Rejects code before any operation tree is built. Both rules report on the member that holds
/// the port computation (FTP0006) or the connect (FTP0007), so that member's own code must show
/// it, whatever helpers the numbers came through: the screen is sound for the member where a
/// diagnostic is reported. Three sieves, each finer and dearer than the one before:
/// the file's text (one vectorized substring search per word, cached per tree: most files stop
/// here; a token walk over a whole file costs as much as the rules' former operation walk), the
/// member's text, then the member's tokens (a "256" in a comment or a longer number is not one).
/// The one shape it gives up: a port whose 256 or 8 is a named constant (<c>p1 * PortHigh</c>).
/// </summary>
internal sealed class SyntaxScreen
{
    /// <summary>A 256, a &lt;&lt; (with an 8, checked on tokens) or a 0x100, whose "100" is looked for alone (<see cref="MentionsPortWord"/>).</summary>
    private static readonly string[] PortWords = { "256", "<<" };

    /// <summary>
    /// What every name of connecting contains (Dns for Dns.GetHost*, Dns.Resolve, a using static of
    /// Dns, and DnsEndPoint): four searches that most files fail, before names are read.
    /// </summary>
    private static readonly string[] ConnectWords = { "Connect", "TcpClient", "IPEndPoint", "Dns" };

    /// <summary>The types a target-typed new(…) can create a connect of: the file must name one for new(…) to count.</summary>
    private static readonly string[] SinkTypes = { "TcpClient", "IPEndPoint", "DnsEndPoint" };

    private static readonly string[] TargetTypedNew = { "new(", "new (" };

    private static readonly string[] PassiveWords = { "PASV", "227" };

    /// <summary>
    /// What a host built in the member shows in its text: a "." or '.' to join with, a "{0}." or
    /// $"{a}." format; or what a host handed back by a helper does: an out argument, a deconstruction.
    /// </summary>
    private static readonly string[] HostWords = { "IPAddress", "AdvertisedAddress", "\".\"", "'.'", "}.", "out ", "var (" };

    /// <summary>
    /// One text search per tree for both rules and every compilation that shares the tree (an
    /// editor keeps the trees of unchanged documents): held as long as the tree is.
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxTree, TreeText> Trees = new();

    /// <summary>One token walk per member for both rules and all they ask, held as long as the member's node is.</summary>
    private static readonly ConditionalWeakTable<SyntaxNode, StrongBox<SyntaxNeeds>> Members = new();

    /// <summary>True when <paramref name="member"/>, and the tree it is in, contain what <paramref name="needs"/> asks for.</summary>
    public bool Admits(SyntaxNode member, SyntaxNeeds needs, CancellationToken cancellationToken)
    {
        var tree = member.SyntaxTree;
        if (!Trees.TryGetValue(tree, out var entry))
        {
            var read = TreeText.Read(tree, cancellationToken);
            entry = Trees.GetValue(tree, _ => read);
        }
        if ((entry.Mentions & needs) == 0)
            return false;
        var span = member.Span;
        var inMember = TextMentions(entry.Text!, span.Start, span.Length, entry.NamesSinkType);
        // In a file that speaks of PASV, a connect may take its host from a field another member set.
        var anyHost = entry.MentionsPassive;
        if ((inMember & needs) == 0
            || (needs & SyntaxNeeds.ConnectSink) != 0 && !anyHost && !ContainsAny(entry.Text!, span.Start, span.Length, HostWords))
            return false;
        var found = Members.GetValue(member, node => new StrongBox<SyntaxNeeds>(Scan(node, entry.NamesSinkType, anyHost))).Value;
        return (found & needs) == needs;
    }

    /// <summary>What a file's text mentions; the text itself is kept only when it mentions something.</summary>
    private sealed class TreeText
    {
        private TreeText(SyntaxNeeds mentions, bool namesSinkType, bool mentionsPassive, string? text)
        {
            Mentions = mentions;
            NamesSinkType = namesSinkType;
            MentionsPassive = mentionsPassive;
            Text = text;
        }

        /// <summary>The file's text has "PASV" or "227": a client that may keep the advertised host in a field.</summary>
        public bool MentionsPassive { get; }

        public SyntaxNeeds Mentions { get; }

        /// <summary>The file names TcpClient, IPEndPoint or DnsEndPoint (a field, a parameter, a local of that type).</summary>
        public bool NamesSinkType { get; }

        public string? Text { get; }

        public static TreeText Read(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var text = tree.GetText(cancellationToken).ToString();
            var connectWords = ContainsAny(text, 0, text.Length, ConnectWords);
            var namesSinkType = connectWords && ContainsAny(text, 0, text.Length, SinkTypes);
            var mentions = TextMentions(text, 0, text.Length, namesSinkType, connectWords);
            var mentionsPassive = (mentions & SyntaxNeeds.ConnectSink) != 0 && ContainsAny(text, 0, text.Length, PassiveWords);
            return new TreeText(mentions, namesSinkType, mentionsPassive, mentions == SyntaxNeeds.None ? null : text);
        }
    }

    /// <summary>
    /// A superset of <see cref="Scan"/> read from plain text: comments and strings count too.
    /// </summary>
    /// <param name="targetTypedSink">Whether a target-typed new(…) may be a connect: the file names a connect's type.</param>
    /// <param name="connectWords">Whether the text has one of <see cref="ConnectWords"/>, when the caller already searched for them.</param>
    private static SyntaxNeeds TextMentions(string text, int start, int length, bool targetTypedSink, bool? connectWords = null)
    {
        var found = SyntaxNeeds.None;
        if (MentionsPortWord(text, start, length))
            found |= SyntaxNeeds.PortArithmetic;
        if ((connectWords ?? ContainsAny(text, start, length, ConnectWords))
            && (CallsConnectName(text, start, length) || targetTypedSink && ContainsAny(text, start, length, TargetTypedNew)))
            found |= SyntaxNeeds.ConnectSink;
        if (text.IndexOf("PassiveAddressPolicy", start, length, StringComparison.Ordinal) >= 0)
            found |= SyntaxNeeds.PolicyAssignment;
        return found;
    }

    /// <summary>
    /// What every name of connecting (<see cref="IsConnectName(string, int, int)"/>) contains: the
    /// text is searched for these, and only around what is found is a name read.
    /// </summary>
    private static readonly string[] ConnectNameParts = { "Connect", "TcpClient", "IPEndPoint", "DnsEndPoint", "GetHost", "Resolve" };

    /// <summary>
    /// Whether a name of connecting is written before a '(' — a call or a construction, as every
    /// connect is — and not only as a property (ConnectTimeout = …), a type (DataConnection d) or a
    /// longer name (IsConnected): each place a part of such a name is found, the whole identifier
    /// around it is read, then what follows it.
    /// </summary>
    private static bool CallsConnectName(string text, int start, int length)
    {
        var limit = start + length;
        foreach (var part in ConnectNameParts)
        {
            for (var at = text.IndexOf(part, start, length, StringComparison.Ordinal); at >= 0;
                 at = at + 1 < limit ? text.IndexOf(part, at + 1, limit - at - 1, StringComparison.Ordinal) : -1)
            {
                var begin = at;
                while (begin > start && IsIdentifierPart(text[begin - 1]))
                    begin--;
                var end = at + part.Length;
                while (end < limit && IsIdentifierPart(text[end]))
                    end++;
                var next = end;
                while (next < limit && char.IsWhiteSpace(text[next]))
                    next++;
                if (next < limit && text[next] == '(' && IsConnectName(text, begin, end - begin))
                    return true;
            }
        }
        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>A "256" or "&lt;&lt;", or a "100" written as 0x100 or 0x0100.</summary>
    private static bool MentionsPortWord(string text, int start, int length)
    {
        if (ContainsAny(text, start, length, PortWords))
            return true;
        var limit = start + length;
        for (var at = text.IndexOf("100", start, length, StringComparison.Ordinal); at >= 0;
             at = at + 1 < limit ? text.IndexOf("100", at + 1, limit - at - 1, StringComparison.Ordinal) : -1)
        {
            var before = at - 1;
            if (before > start && text[before] == '0')
                before--;
            if (before >= start && text[before] is 'x' or 'X')
                return true;
        }
        return false;
    }

    private static bool ContainsAny(string text, int start, int length, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, start, length, StringComparison.Ordinal) >= 0)
                return true;
        }
        return false;
    }

    /// <summary>One walk over the tokens of <paramref name="node"/>.</summary>
    /// <param name="node">The code to scan.</param>
    /// <param name="targetTypedSink">Whether a target-typed new(…) may be a connect: its file names a connect's type.</param>
    /// <param name="anyHost">Whether a connect counts without a host built in the member (its host may be a field set elsewhere).</param>
    internal static SyntaxNeeds Scan(SyntaxNode node, bool targetTypedSink = true, bool anyHost = false)
    {
        var found = SyntaxNeeds.None;
        bool shift = false, eight = false, newKeyword = false, varKeyword = false, sink = false, hostBuilding = false, connectName = false, multiplierBefore = false;
        var previous = 0;
        foreach (var token in node.DescendantTokens())
        {
            var kind = token.RawKind;
            // A name of connecting counts when a '(' follows it: a call or a construction.
            sink |= connectName && kind == (int)SyntaxKind.OpenParenToken;
            connectName = false;
            // A 256 counts as a multiplier (p1 * 256, 256 * p1, x *= 256) or as a value given to a
            // name (const int Multiplier = 256), not as a size (new byte[256], <= 256); an 8 after
            // a shift (p1 << 8) or given to a name, with a shift somewhere in the member.
            if (multiplierBefore && kind is (int)SyntaxKind.AsteriskToken or (int)SyntaxKind.AsteriskEqualsToken)
                found |= SyntaxNeeds.PortArithmetic;
            multiplierBefore = false;
            if (kind == (int)SyntaxKind.NumericLiteralToken)
            {
                var given = previous == (int)SyntaxKind.EqualsToken;
                if (IsValue(token.Value, 256))
                {
                    if (given || previous is (int)SyntaxKind.AsteriskToken or (int)SyntaxKind.AsteriskEqualsToken)
                        found |= SyntaxNeeds.PortArithmetic;
                    multiplierBefore = true;
                }
                else if (IsValue(token.Value, 8))
                {
                    eight |= given || previous is (int)SyntaxKind.LessThanLessThanToken or (int)SyntaxKind.LessThanLessThanEqualsToken;
                }
            }
            else if (kind == (int)SyntaxKind.LessThanLessThanToken || kind == (int)SyntaxKind.LessThanLessThanEqualsToken)
            {
                shift = true;
            }
            else if (kind == (int)SyntaxKind.IdentifierToken)
            {
                var name = token.ValueText;
                connectName = IsConnectName(name, 0, name.Length);
                hostBuilding |= name is "IPAddress" or "AdvertisedAddress";
                if (name == "PassiveAddressPolicy")
                    found |= SyntaxNeeds.PolicyAssignment;
                varKeyword = name == "var";
            }
            else if (kind == (int)SyntaxKind.OpenParenToken && newKeyword && targetTypedSink)
            {
                // new(address, port): an IPEndPoint or TcpClient whose type is only in the target.
                sink = true;
            }
            else if (kind == (int)SyntaxKind.OutKeyword || kind == (int)SyntaxKind.OpenParenToken && varKeyword)
            {
                // Parse(reply, out host, out port), var (host, port) = Parse(reply): a helper's host.
                hostBuilding = true;
            }
            else if (kind is (int)SyntaxKind.StringLiteralToken or (int)SyntaxKind.CharacterLiteralToken or (int)SyntaxKind.InterpolatedStringTextToken)
            {
                hostBuilding |= token.ValueText.IndexOf('.') >= 0;
            }
            newKeyword = kind == (int)SyntaxKind.NewKeyword;
            if (kind != (int)SyntaxKind.IdentifierToken)
                varKeyword = false;
            previous = kind;
        }
        if (shift && eight)
            found |= SyntaxNeeds.PortArithmetic;
        if (sink && (hostBuilding || anyHost))
            found |= SyntaxNeeds.ConnectSink;
        return found;
    }

    private static bool IsValue(object? value, long expected)
        => value switch
        {
            int i => i == expected,
            long l => l == expected,
            uint u => u == expected,
            ulong ul => ul == (ulong)expected,
            _ => false,
        };

    private static readonly string[] ConnectTypesAndLookups = { "TcpClient", "IPEndPoint", "DnsEndPoint", "Resolve", "BeginResolve" };

    /// <summary>
    /// The names <see cref="ConnectSinks"/> recognizes, a type it constructs or a method it calls,
    /// for the name written at <paramref name="start"/> in <paramref name="text"/>.
    /// </summary>
    private static bool IsConnectName(string text, int start, int length)
    {
        foreach (var name in ConnectTypesAndLookups)
        {
            if (length == name.Length && string.CompareOrdinal(text, start, name, 0, length) == 0)
                return true;
        }
        return ConnectSinks.NamesConnecting(text, start, length)
            || length >= 7 && string.CompareOrdinal(text, start, "GetHost", 0, 7) == 0
            || length >= 12 && string.CompareOrdinal(text, start, "BeginGetHost", 0, 12) == 0;
    }
}
