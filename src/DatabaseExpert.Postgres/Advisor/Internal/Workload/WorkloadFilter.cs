namespace DatabaseExpert.Postgres.Advisor.Internal.Workload;

/// <summary>Which statements can be costed: those EXPLAIN accepts and an index can speed up.</summary>
internal static class WorkloadFilter
{
    private static readonly HashSet<string> Costable = new(StringComparer.Ordinal)
    {
        "select", "with", "values", "table", "insert", "update", "delete", "merge",
    };

    /// <summary>Null when the statement can be costed, else why not.</summary>
    public static string? ReasonToSkip(StatementSlice statement) =>
        statement.FirstWord.StartsWith('\\') ? "psql meta-command"
        : Costable.Contains(statement.FirstWord) ? null
        : $"not a query ({(statement.FirstWord.Length == 0 ? "unrecognised" : statement.FirstWord.ToUpperInvariant())}); "
          + "only SELECT, INSERT, UPDATE, DELETE, MERGE, VALUES and WITH statements are costed";

    /// <summary>The first line of a statement, shortened, for messages.</summary>
    public static string Excerpt(string text, int length = 80)
    {
        var line = text.ReplaceLineEndings(" ");
        while (line.Contains("  ", StringComparison.Ordinal))
        {
            line = line.Replace("  ", " ", StringComparison.Ordinal);
        }

        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
