namespace DatabaseExpert.Postgres.Advisor.Internal.Sql;

/// <summary>
/// Splits on top-level <c>;</c> using <see cref="SqlLexer"/>, so semicolons inside strings, quoted identifiers,
/// comments and dollar quotes never split. A line starting with a backslash between statements is a psql
/// meta-command (<c>\timing</c>, <c>\set</c>) and becomes a statement of its own, so it can be reported and skipped.
/// </summary>
internal sealed class MinimalStatementSplitter : IStatementSplitter
{
    public static MinimalStatementSplitter Instance { get; } = new();

    public IReadOnlyList<StatementSlice> Split(string sql)
    {
        var statements = new List<StatementSlice>();
        var (masked, metaCommands) = MaskMetaCommands(sql);
        var tokens = SqlLexer.Tokenize(masked);
        var start = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && !tokens[i].IsPunctuation(';'))
            {
                continue;
            }

            if (i > start)
            {
                statements.Add(Slice(sql, tokens, start, i));
            }

            start = i + 1;
        }

        statements.AddRange(metaCommands);
        statements.Sort((a, b) => a.Line.CompareTo(b.Line));
        return statements;
    }

    private static StatementSlice Slice(string sql, IReadOnlyList<SqlToken> tokens, int first, int end)
    {
        var last = tokens[end - 1];
        var text = sql[tokens[first].Offset..(last.Offset + last.Text.Length)];
        var word = tokens.Skip(first).Take(end - first).FirstOrDefault(t => !t.IsPunctuation('('));
        var parameters = 0;
        for (var i = first; i < end; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.Parameter)
            {
                parameters = Math.Max(parameters, int.Parse(tokens[i].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return new StatementSlice(text, tokens[first].Line, word.Kind == SqlTokenKind.Word ? word.Value : string.Empty, parameters);
    }

    /// <summary>Blanks out psql meta-command lines that start outside any statement, keeping offsets and line numbers.</summary>
    private static (string Masked, List<StatementSlice> MetaCommands) MaskMetaCommands(string sql)
    {
        var meta = new List<StatementSlice>();
        if (!sql.Contains('\\', StringComparison.Ordinal))
        {
            return (sql, meta);
        }

        var chars = sql.ToCharArray();
        var lineStart = 0;
        var lineNumber = 1;
        while (lineStart <= sql.Length)
        {
            var lineEnd = sql.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = sql.Length;
            }

            var line = sql[lineStart..lineEnd];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('\\') && StatementBoundaryBefore(new string(chars, 0, lineStart)))
            {
                var command = trimmed.TrimEnd();
                var name = command.Split([' ', '\t'], 2)[0];
                meta.Add(new StatementSlice(command, lineNumber, name, 0));
                for (var i = lineStart; i < lineEnd; i++)
                {
                    chars[i] = ' ';
                }
            }

            lineStart = lineEnd + 1;
            lineNumber++;
        }

        return (new string(chars), meta);
    }

    /// <summary>True when the text so far ends between statements (nothing but a finished statement, comments or space).</summary>
    private static bool StatementBoundaryBefore(string before)
    {
        try
        {
            var tokens = SqlLexer.Tokenize(before);
            return tokens.Count == 0 || tokens[^1].IsPunctuation(';');
        }
        catch (SqlLexException)
        {
            // Inside an unfinished string or comment: the backslash belongs to it.
            return false;
        }
    }
}
