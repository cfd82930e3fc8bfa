using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Internal;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

/// <summary>
/// drizzle-orm's migrator cuts a file with <c>split("--&gt; statement-breakpoint")</c> before PostgreSQL sees it: a marker
/// inside a statement, a string or a dollar-quoted body sends broken halves. Only a marker that ends a line comment
/// between statements is safe.
/// </summary>
internal static class BreakpointCheck
{
    public const string Marker = "--> statement-breakpoint";

    public static void Check(string text, string file, SourceReadContext context)
    {
        if (!text.Contains(Marker, StringComparison.Ordinal))
        {
            return;
        }

        var script = SqlScript.Parse(text);
        for (var offset = text.IndexOf(Marker, StringComparison.Ordinal); offset >= 0;
             offset = text.IndexOf(Marker, offset + Marker.Length, StringComparison.Ordinal))
        {
            var token = TokenAt(script.Tokens, offset);
            var problem = Problem(script, token, offset);
            if (problem is not null)
            {
                var line = script.Source.PositionOf(offset).Line;
                context.Problem(SourceRules.DrizzleBreakpointSplitsStatement, Severity.Error,
                    $"`{Marker}` at line {line} is inside {problem}: drizzle's migrator splits the file on this text before " +
                    "PostgreSQL reads it, and sends the pieces as separate broken statements.",
                    "Put the marker right after a statement's semicolon (as drizzle-kit writes it), or remove it.",
                    file, line);
            }
        }
    }

    private static string? Problem(SqlScript script, SqlToken token, int offset)
    {
        if (token.Kind != SqlTokenKind.LineComment)
        {
            return token.IsComment ? "a block comment" : "a string or dollar-quoted body";
        }

        if (!token.Span[(offset - token.Start.Offset + Marker.Length)..].IsWhiteSpace())
        {
            return "a comment that goes on after it";
        }

        var statement = script.Statements.FirstOrDefault(s => s.Start.Offset < offset && offset < s.End.Offset);
        return statement is null ? null : $"the statement that starts at line {statement.Start.Line}";
    }

    private static SqlToken TokenAt(IReadOnlyList<SqlToken> tokens, int offset)
    {
        int low = 0, high = tokens.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (tokens[middle].Start.Offset <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return tokens[low];
    }
}
