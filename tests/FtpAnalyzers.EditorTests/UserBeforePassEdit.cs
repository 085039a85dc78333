using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FtpAnalyzers.EditorTests;

/// <summary>
/// The repair of FTP0001 a user makes by hand: the <c>x.User(…);</c> line that follows the
/// flagged <c>x.Pass(…);</c> line is moved up above it. Found in the text from the line
/// <c>dotnet build</c> flags, expressed as the LSP content changes an editor sends for a line move
/// (delete the USER line, insert it above the PASS line), so no other line moves.
/// </summary>
public sealed partial class UserBeforePassEdit
{
    private UserBeforePassEdit(string newText, JsonArray contentChanges, int passLine, int userLine)
    {
        NewText = newText;
        ContentChanges = contentChanges;
        PassLine = passLine;
        UserLine = userLine;
    }

    /// <summary>The document after the edit.</summary>
    public string NewText { get; }

    /// <summary>The <c>contentChanges</c> of an incremental <c>textDocument/didChange</c>, applied in order.</summary>
    public JsonArray ContentChanges { get; }

    /// <summary>1-based lines of the PASS and USER calls before the edit.</summary>
    public int PassLine { get; }

    public int UserLine { get; }

    /// <param name="text">The document.</param>
    /// <param name="passLine">The 1-based line FTP0001 is reported on.</param>
    public static UserBeforePassEdit Find(string text, int passLine)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline);
        var pass = PassCall().Match(lines[passLine - 1]);
        if (!pass.Success)
            throw new InvalidOperationException($"Line {passLine} is not a Pass call: \"{lines[passLine - 1]}\"");
        var receiver = pass.Groups["receiver"].Value;
        var userIndex = Array.FindIndex(lines, passLine, line => Regex.IsMatch(line, $@"^\s*{Regex.Escape(receiver)}\.User\("));
        if (userIndex < 0)
            throw new InvalidOperationException($"No {receiver}.User(…) call after line {passLine}");

        var passIndex = passLine - 1;
        var userText = lines[userIndex];
        var contentChanges = new JsonArray
        {
            // The USER line goes, with its line break…
            Change(userIndex, 0, userIndex + 1, 0, ""),
            // …and comes back above the PASS line; positions before the deletion are unchanged by it.
            Change(passIndex, 0, passIndex, 0, userText + newline),
        };
        var newLines = lines.ToList();
        newLines.RemoveAt(userIndex);
        newLines.Insert(passIndex, userText);
        return new UserBeforePassEdit(string.Join(newline, newLines), contentChanges, passLine, userIndex + 1);
    }

    private static JsonObject Change(int startLine, int startCharacter, int endLine, int endCharacter, string text) => new()
    {
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
            ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
        },
        ["text"] = text,
    };

    [GeneratedRegex(@"^\s*(?<receiver>[A-Za-z_][A-Za-z0-9_]*)\.Pass\(")]
    private static partial Regex PassCall();
}
