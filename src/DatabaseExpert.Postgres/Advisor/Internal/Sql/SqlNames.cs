namespace DatabaseExpert.Postgres.Advisor.Internal.Sql;

internal static class SqlNames
{
    /// <summary>Always-quoted identifier: correct for any name, for SQL that only dbx reads.</summary>
    public static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
