using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Text;

namespace FtpAnalyzers.Protocol;

/// <summary>
/// Tells from the characters of source text alone whether some name of a set is written as a call:
/// the name followed by <c>(</c> (or, for names that may be generic, <c>&lt;</c>), and, for names
/// that are only ever instance or static-qualified calls, right after a <c>.</c>. It reads text,
/// not syntax: no node is created and nothing is bound, so a file that never calls the names costs
/// one pass over its characters. Comments and strings may give a false "yes", never a false "no",
/// as long as the code calls the names as written (an alias for a method name would be missed).
/// </summary>
internal sealed class CallNameScanner
{
    private const int MaxNameLength = 64;

    // Names by (length, first character), for a lookup that allocates nothing.
    private readonly Dictionary<int, Name[]> _names;
    private readonly bool _hasGenericNames;

    /// <param name="qualifiedOnly">Names that count only after a '.' and before a '(' (methods of one sealed class, never generic).</param>
    /// <param name="anywhere">Names that count bare too, and before a '&lt;' (helpers a user may call unqualified or generic).</param>
    /// <param name="staticOf">Names that count only as <c>Type.Name(</c>, with the type given (a static factory whose name other types use too).</param>
    public CallNameScanner(IEnumerable<string> qualifiedOnly, IEnumerable<string> anywhere, IEnumerable<(string Name, string Type)>? staticOf = null)
    {
        var all = new Dictionary<string, Name>(StringComparer.Ordinal);
        foreach (var name in qualifiedOnly)
            all[name] = new Name(name, anywhere: false, qualifier: null);
        foreach (var (name, type) in staticOf ?? Enumerable.Empty<(string, string)>())
            all[name] = new Name(name, anywhere: false, qualifier: type);
        foreach (var name in anywhere)
            all[name] = new Name(name, anywhere: true, qualifier: null);
        _names = all.Values
            .Where(name => name.Text.Length is > 0 and <= MaxNameLength)
            .GroupBy(name => Key(name.Text.Length, name.Text[0]))
            .ToDictionary(group => group.Key, group => group.ToArray());
        _hasGenericNames = all.Values.Any(name => name.Anywhere);
    }

    /// <summary>True when the text in <paramref name="span"/> may call one of the names.</summary>
    /// <param name="isCode">
    /// Asked, when given, about each name found, with the position of its last character: false
    /// when that position is not code (a comment, a string, a disabled #if region), so that the
    /// name does not count. Called only on a find, which is rare, so it may consult the syntax tree.
    /// </param>
    public bool MayCall(SourceText text, TextSpan span, Func<int, bool>? isCode = null)
    {
        // The whole text of a file parsed from a string is that string, not a copy: files are read
        // in place; a member's span is copied once (its verdict is kept by the caller).
        var whole = span.Start == 0 && span.Length == text.Length;
        var chars = whole ? text.ToString() : text.ToString(span);
        var offset = whole ? 0 : span.Start;
        return MayCall(chars, '(', offset, isCode) || (_hasGenericNames && MayCall(chars, '<', offset, isCode));
    }

    /// <summary>
    /// Jumps from one <paramref name="opener"/> to the next (a vectorized search on .NET) and reads
    /// the name written before it backwards: most characters are never looked at one by one.
    /// </summary>
    private bool MayCall(string chars, char opener, int offset, Func<int, bool>? isCode)
    {
        for (var at = chars.IndexOf(opener); at >= 0; at = at + 1 < chars.Length ? chars.IndexOf(opener, at + 1) : -1)
        {
            if (NameBefore(chars, at, opener) is var nameEnd and >= 0 && (isCode is null || isCode(offset + nameEnd)))
                return true;
        }

        return false;
    }

    /// <summary>The index of the last character of a name of the set written just before the opener at <paramref name="opener"/>, or -1.</summary>
    private int NameBefore(string chars, int opener, char openerChar)
    {
        var end = opener;
        while (end > 0 && IsWhiteSpace(chars[end - 1]))
            end--;
        var begin = end;
        while (begin > 0 && IsIdentifierPart(chars[begin - 1]))
            begin--;
        var length = end - begin;
        if (length == 0 || length > MaxNameLength || !IsIdentifierStart(chars[begin]))
            return -1;
        var before = begin;
        while (before > 0 && IsWhiteSpace(chars[before - 1]))
            before--;
        var qualified = before > 0 && chars[before - 1] == '.';
        // Most calls are not x.Name(: without bare names in the set, they are rejected unlooked-up.
        if (!qualified && !_hasGenericNames)
            return -1;
        if (Find(chars, begin, length) is not { } name)
            return -1;
        if (name.Anywhere)
            return end - 1;
        if (openerChar != '(' || !qualified)
            return -1;
        return name.Qualifier is not { } qualifier || QualifierBefore(chars, before - 1, qualifier) ? end - 1 : -1;
    }

    /// <summary>True when the identifier that ends just before the '.' at <paramref name="dot"/> is <paramref name="qualifier"/>.</summary>
    private static bool QualifierBefore(string chars, int dot, string qualifier)
    {
        var end = dot;
        while (end > 0 && IsWhiteSpace(chars[end - 1]))
            end--;
        var begin = end;
        while (begin > 0 && IsIdentifierPart(chars[begin - 1]))
            begin--;
        return end - begin == qualifier.Length && string.CompareOrdinal(chars, begin, qualifier, 0, qualifier.Length) == 0;
    }

    private Name? Find(string chars, int begin, int length)
    {
        if (!_names.TryGetValue(Key(length, chars[begin]), out var candidates))
            return null;
        foreach (var candidate in candidates)
        {
            if (string.CompareOrdinal(candidate.Text, 1, chars, begin + 1, length - 1) == 0)
                return candidate;
        }

        return null;
    }

    private static int Key(int length, char first) => (length << 16) | first;

    // ASCII first: these run for every character read backwards from an opener.
    private static bool IsIdentifierStart(char c)
        => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' || (c > 0x7F && char.IsLetter(c));

    private static bool IsIdentifierPart(char c)
        => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' || (c > 0x7F && char.IsLetterOrDigit(c));

    private static bool IsWhiteSpace(char c) => c is ' ' or '\t' or '\r' or '\n' || (c > 0x7F && char.IsWhiteSpace(c));

    private sealed class Name
    {
        public Name(string text, bool anywhere, string? qualifier)
        {
            Text = text;
            Anywhere = anywhere;
            Qualifier = qualifier;
        }

        public string Text { get; }

        /// <summary>Counts bare and before '&lt;' too, not only as a qualified call.</summary>
        public bool Anywhere { get; }

        /// <summary>The type name that must stand before the '.', or null for any.</summary>
        public string? Qualifier { get; }
    }
}
