using System.Runtime.InteropServices;
using DatabaseExpert.Postgres.Sql.Internal;

namespace DatabaseExpert.Postgres.Sql;

/// <summary>
/// One token of SQL text: a slice of its <see cref="SqlSource"/> with its kind and position. Tokens cover the text
/// without gaps, so concatenating every token's text gives the source back.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct SqlToken : IEquatable<SqlToken>
{
    private readonly char _unicodeEscape;

    internal SqlToken(SqlSource source, SqlTokenKind kind, SqlPosition start, int length, bool unterminated, char unicodeEscape = '\\')
    {
        Source = source;
        Kind = kind;
        Start = start;
        Length = length;
        IsUnterminated = unterminated;
        _unicodeEscape = unicodeEscape;
    }

    public SqlSource Source { get; }

    public SqlTokenKind Kind { get; }

    public SqlPosition Start { get; }

    public int Length { get; }

    /// <summary>The offset just after the token.</summary>
    public int EndOffset => Start.Offset + Length;

    /// <summary>The position just after the token (computed: tokens may span lines).</summary>
    public SqlPosition End => LineCounter.Advance(Source.Text, Start, EndOffset);

    public string? File => Source.File;

    /// <summary>A string, quoted identifier, comment or dollar quote that reached the end of the text without its closing delimiter.</summary>
    public bool IsUnterminated { get; }

    public ReadOnlySpan<char> Span => Source.Text.AsSpan(Start.Offset, Length);

    public string Text => Source.Text.Substring(Start.Offset, Length);

    /// <summary>Whitespace and comments: they never change what a statement means.</summary>
    public bool IsTrivia => Kind is SqlTokenKind.Whitespace or SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    public bool IsComment => Kind is SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    /// <summary>An identifier of any spelling: unquoted, quoted, or Unicode-escaped.</summary>
    public bool IsName => Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier or SqlTokenKind.UnicodeIdentifier;

    public bool IsStringLiteral => Kind is SqlTokenKind.StandardString or SqlTokenKind.EscapeString or SqlTokenKind.UnicodeString
        or SqlTokenKind.BitString or SqlTokenKind.HexString or SqlTokenKind.DollarString;

    /// <summary>True for the unquoted word <paramref name="keyword"/>, in any letter case (quoted identifiers are never keywords).</summary>
    public bool IsKeyword(string keyword) =>
        Kind == SqlTokenKind.Identifier && Span.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(char c) => Kind == SqlTokenKind.Punctuation && Length == 1 && Source.Text[Start.Offset] == c;

    /// <summary>
    /// What the token stands for, the way the server reads it: identifiers folded to lower case or unquoted, strings with
    /// their escapes resolved, a dollar quote's body. Null when an escape is invalid (the server would reject it).
    /// Other tokens return their text.
    /// </summary>
    public string? Value => TokenDecoder.Decode(this, _unicodeEscape);

    public bool Equals(SqlToken other) =>
        ReferenceEquals(Source, other.Source) && Kind == other.Kind && Start == other.Start && Length == other.Length;

    public override bool Equals(object? obj) => obj is SqlToken other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Source, Kind, Start.Offset, Length);

    public static bool operator ==(SqlToken left, SqlToken right) => left.Equals(right);

    public static bool operator !=(SqlToken left, SqlToken right) => !left.Equals(right);

    public override string ToString() => $"{Kind} {Start} '{Text}'";
}
