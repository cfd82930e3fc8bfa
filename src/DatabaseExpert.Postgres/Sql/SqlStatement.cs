using System.Globalization;
using DatabaseExpert.Postgres.Sql.Internal;

namespace DatabaseExpert.Postgres.Sql;

/// <summary>
/// One SQL statement of a script. <see cref="Text"/> runs from its first token to its last, without the terminating
/// semicolon; <see cref="Tokens"/> are the tokens of that range (comments and whitespace inside included);
/// <see cref="LeadingComments"/> are the comments between the previous statement and this one.
/// </summary>
public sealed record SqlStatement(
    string Text, SqlPosition Start, SqlPosition End, IReadOnlyList<SqlToken> Tokens, IReadOnlyList<SqlToken> LeadingComments)
{
    public string? File { get; init; }

    /// <summary>0-based position of the statement in its script.</summary>
    public int Index { get; init; }

    /// <summary>False for a last statement without its semicolon (or one cut short by a psql meta-command).</summary>
    public bool IsTerminated { get; init; }

    /// <summary>The tokens without whitespace and comments.</summary>
    public IEnumerable<SqlToken> SignificantTokens => Tokens.Where(t => !t.IsTrivia);

    /// <summary>
    /// The leading keywords, upper case and single-spaced (<c>CREATE UNIQUE INDEX CONCURRENTLY</c>, <c>ALTER TABLE</c>,
    /// <c>SELECT</c>): words up to the first object name, literal or symbol. For classifying statements.
    /// </summary>
    public string Keywords => StatementHead.Keywords(Tokens);

    /// <summary>
    /// The highest <c>$n</c> placeholder, 0 when there is none: how many parameter values the statement takes. A number
    /// too large for an <see cref="int"/> counts as <see cref="int.MaxValue"/> (the server rejects it).
    /// </summary>
    public int ParameterCount => Tokens
        .Where(t => t.Kind == SqlTokenKind.Parameter)
        .Select(t => int.TryParse(t.Span[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue)
        .DefaultIfEmpty()
        .Max();

    /// <summary>True when the statement begins with these unquoted words, in any letter case, comments and line breaks between them allowed.</summary>
    public bool StartsWith(params ReadOnlySpan<string> words) => StatementHead.StartsWith(Tokens, words);

    /// <summary><c>file:line:col</c> (or <c>line:col</c>) of the statement's start, for messages.</summary>
    public string Location => File is null ? Start.ToString() : $"{File}:{Start}";

    public override string ToString() => $"{Location} {Keywords}";
}
