namespace DatabaseExpert.Postgres.Advisor.Internal.Sql;

internal enum SqlTokenKind
{
    /// <summary>No token: what a parser sees past the end.</summary>
    None,

    /// <summary>An unquoted identifier or keyword; <see cref="SqlToken.Value"/> is lower-cased as PostgreSQL folds it.</summary>
    Word,

    /// <summary>A double-quoted identifier; <see cref="SqlToken.Value"/> is the unescaped name.</summary>
    QuotedIdentifier,

    /// <summary>A string constant in any form ('…', E'…', $tag$…$tag$); <see cref="SqlToken.Text"/> is the source text.</summary>
    String,

    Number,

    /// <summary>A positional parameter <c>$n</c>; <see cref="SqlToken.Value"/> is n.</summary>
    Parameter,

    Operator,

    /// <summary><c>::</c></summary>
    Cast,

    /// <summary>One of <c>( ) [ ] , ; . :</c>.</summary>
    Punctuation,
}

/// <param name="Kind">What the token is.</param>
/// <param name="Text">The token exactly as written.</param>
/// <param name="Value">The normalised value (see <see cref="SqlTokenKind"/>).</param>
/// <param name="Offset">Position of the first character in the source.</param>
/// <param name="Line">1-based line of the first character.</param>
/// <param name="Column">1-based column of the first character.</param>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, string Value, int Offset, int Line, int Column)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Value, word, StringComparison.Ordinal);

    public bool IsPunctuation(char c) => Kind == SqlTokenKind.Punctuation && Text is { Length: 1 } && Text[0] == c;

    /// <summary>A name: an unquoted word or a quoted identifier.</summary>
    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;
}

/// <summary>The text cannot be tokenised (an unterminated string, identifier or comment).</summary>
internal sealed class SqlLexException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
