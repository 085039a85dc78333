using Microsoft.CodeAnalysis;

namespace FtpAnalyzers.PassiveReply;

/// <summary>How hand-written code took a reply apart into its numbers.</summary>
internal enum ParseShape
{
    /// <summary><c>Split(',')</c>, usually after cutting the text between the parentheses.</summary>
    Split,

    /// <summary>A <c>Regex</c> match whose groups hold the numbers.</summary>
    Regex,

    /// <summary>A loop over the characters that stores the numbers between commas into an array or list.</summary>
    DigitLoop,

    /// <summary>Ftp.PassiveEndpoint: parsed correctly, but its AdvertisedAddress is still the server's word.</summary>
    PassiveEndpoint,
}

/// <summary>
/// One hand-written parse of a comma-separated number list: the Split call, the Regex match or the
/// array a loop fills. What it shows of a 227 parser is fixed when it is found: asking about it
/// never changes it.
/// </summary>
internal sealed class ReplySource
{
    public ReplySource(
        object key,
        ParseShape shape,
        IOperation? replyText = null,
        bool assumesParentheses = false,
        bool fixedOffset = false,
        bool sixNumberPattern = false,
        bool sixFields = false,
        bool fromHelper = false)
    {
        Key = key;
        Shape = shape;
        ReplyText = replyText;
        AssumesParentheses = assumesParentheses;
        FixedOffset = fixedOffset;
        SixNumberPattern = sixNumberPattern;
        SixFields = sixFields;
        FromHelper = fromHelper;
    }

    /// <summary>What identifies this parse: the Split or Match call, or the array symbol.</summary>
    public object Key { get; }

    public ParseShape Shape { get; }

    /// <summary>The parse looks for '(' or ')' (IndexOf('('), Split('(', ')'), TrimEnd(')'), \( in a pattern).</summary>
    public bool AssumesParentheses { get; }

    /// <summary>The parse cuts the reply at a fixed offset (Substring(27): "227 Entering Passive Mode (").</summary>
    public bool FixedOffset { get; }

    /// <summary>
    /// A Regex pattern with six comma-separated number groups, or (for a Split) the text split is a
    /// group of a match with such a pattern: (?&lt;port&gt;\d+,\d+) split again.
    /// </summary>
    public bool SixNumberPattern { get; }

    /// <summary>A Split into at most six fields: Split(',', 6), Split(new[] { ',' }, 6).</summary>
    public bool SixFields { get; }

    /// <summary>
    /// The numbers or the host come back from a helper of the compilation that parsed a 227 reply
    /// (its own shape or evidence said so): the caller needs no evidence of its own.
    /// </summary>
    public bool FromHelper { get; }

    /// <summary>The whole reply the parse starts from (a local, a parameter, an FtpReply), when known.</summary>
    public IOperation? ReplyText { get; }

    /// <summary>True when the shape alone says "227 reply", without any other evidence in the code.</summary>
    public bool IsClassic => Shape switch
    {
        _ when FromHelper => true,
        ParseShape.DigitLoop or ParseShape.PassiveEndpoint => true,
        ParseShape.Regex => SixNumberPattern,
        _ => AssumesParentheses || FixedOffset || SixNumberPattern || SixFields,
    };
}

/// <summary>One number or number string taken from a <see cref="ReplySource"/>; Index when constant.</summary>
internal readonly struct ReplyPart
{
    public ReplyPart(ReplySource source, int? index)
    {
        Source = source;
        Index = index;
    }

    public ReplySource Source { get; }

    public int? Index { get; }
}

/// <summary>A port computed by hand from two numbers of one parse: <c>p1 * 256 + p2</c>, <c>(p1 &lt;&lt; 8) | p2</c>.</summary>
internal sealed class PortComputation
{
    public PortComputation(IOperation operation, ReplyPart high, ReplyPart low, bool cutsAtParenthesis)
    {
        Operation = operation;
        High = high;
        Low = low;
        AssumesParentheses = High.Source.AssumesParentheses || cutsAtParenthesis;
    }

    /// <summary>The parse, or the computation's own operands (int.Parse(parts[5].TrimEnd(')'))), look for a parenthesis.</summary>
    public bool AssumesParentheses { get; }

    /// <summary>The shape of the parse and of the computation say "227 reply" without other evidence.</summary>
    public bool IsClassic => Source.IsClassic || AssumesParentheses && Source.Shape == ParseShape.Split;

    public IOperation Operation { get; }

    public ReplyPart High { get; }

    public ReplyPart Low { get; }

    public ReplySource Source => High.Source;
}
