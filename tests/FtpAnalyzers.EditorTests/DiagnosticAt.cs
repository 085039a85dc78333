using System;

namespace FtpAnalyzers.EditorTests;

/// <summary>A diagnostic's ID and where it starts, 1-based, as <c>dotnet build</c> prints it.</summary>
public sealed record DiagnosticAt(string Id, int Line, int Column) : IComparable<DiagnosticAt>
{
    public int CompareTo(DiagnosticAt? other)
    {
        if (other is null)
            return 1;
        var byLine = Line.CompareTo(other.Line);
        if (byLine != 0)
            return byLine;
        var byColumn = Column.CompareTo(other.Column);
        return byColumn != 0 ? byColumn : string.CompareOrdinal(Id, other.Id);
    }

    public override string ToString() => $"({Line},{Column}) {Id}";
}
