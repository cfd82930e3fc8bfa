using System.Globalization;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Postgres.Explain.Internal;

/// <summary>Statement facts from the shared PostgreSQL lexer: top-level statements, the words and their nesting, the highest <c>$n</c>.</summary>
internal sealed class LexerStatementReader : ISqlStatementReader
{
    public SqlStatementFacts Read(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var script = SqlScript.Parse(sql);
        if (script.Errors.FirstOrDefault() is { } error)
        {
            return new SqlStatementFacts(script.Statements.Count, [], 0, $"{error.Message} (line {error.Position.Line}, column {error.Position.Column})");
        }

        var tokens = script.Tokens.Where(t => !t.IsTrivia).ToList();
        var words = new List<SqlWord>();
        var depth = 0;
        var maxParameter = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsPunctuation('('))
            {
                depth++;
            }
            else if (token.IsPunctuation(')'))
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (token.Kind == SqlTokenKind.Parameter)
            {
                maxParameter = Math.Max(maxParameter, int.TryParse(token.Span[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue);
            }
            else if (token.IsName)
            {
                var quoted = token.Kind != SqlTokenKind.Identifier;
                var text = quoted ? token.Value ?? token.Text : token.Text.ToUpperInvariant();
                var followedByParenthesis = i + 1 < tokens.Count && tokens[i + 1].IsPunctuation('(');
                words.Add(new SqlWord(text, quoted, depth, followedByParenthesis, token.Start.Offset));
            }
        }

        return new SqlStatementFacts(script.Statements.Count, words, maxParameter, null);
    }
}
