using DatabaseExpert.Postgres.Sql.Internal;

namespace DatabaseExpert.Postgres.Sql;

/// <summary>
/// SQL text cut into statements the way PostgreSQL and psql read it: a statement ends at a semicolon outside
/// literals, comments, dollar quotes and parentheses, and outside the <c>BEGIN ATOMIC … END</c> body of a
/// SQL-standard function. psql meta-commands are set aside with a note. Bad SQL never throws: problems are in
/// <see cref="Diagnostics"/> with their line and column.
/// </summary>
public sealed class SqlScript
{
    private SqlScript(
        SqlSource source, SqlToken[] tokens, IReadOnlyList<SqlStatement> statements, IReadOnlyList<SqlDiagnostic> diagnostics,
        IReadOnlyList<SqlToken> metaCommands, IReadOnlyList<SqlToken> trailingComments)
    {
        Source = source;
        Tokens = tokens;
        Statements = statements;
        Diagnostics = diagnostics;
        MetaCommands = metaCommands;
        TrailingComments = trailingComments;
    }

    public SqlSource Source { get; }

    public IReadOnlyList<SqlToken> Tokens { get; }

    public IReadOnlyList<SqlStatement> Statements { get; }

    /// <summary>Errors and notes, in text order.</summary>
    public IReadOnlyList<SqlDiagnostic> Diagnostics { get; }

    public IEnumerable<SqlDiagnostic> Errors => Diagnostics.Where(d => d.Severity == SqlDiagnosticSeverity.Error);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == SqlDiagnosticSeverity.Error);

    /// <summary>psql meta-commands (<c>\set</c>, <c>\i</c>, <c>\connect</c>, <c>\gexec</c>…), which are not part of any statement.</summary>
    public IReadOnlyList<SqlToken> MetaCommands { get; }

    /// <summary>Comments after the last statement.</summary>
    public IReadOnlyList<SqlToken> TrailingComments { get; }

    public static SqlScript Parse(string text, string? file = null) => Parse(new SqlSource(text, file));

    public static SqlScript Parse(SqlSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (tokens, diagnostics) = Scanner.Scan(source);
        var split = StatementSplitter.Split(source, tokens);
        SqlDiagnostic[] ordered = [.. diagnostics.Concat(split.Notes).OrderBy(d => d.Position.Offset)];
        return new SqlScript(source, tokens, split.Statements, ordered, split.MetaCommands, split.TrailingComments);
    }
}
