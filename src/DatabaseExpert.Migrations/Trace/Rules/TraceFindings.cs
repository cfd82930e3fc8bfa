using System.Globalization;
using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace.Internal;

namespace DatabaseExpert.Migrations.Trace.Rules;

/// <summary>Shared wording and SQL building for the trace rules.</summary>
internal static partial class TraceFindings
{
    public static Finding At(TraceRuleInfo rule, FileTrace file, TracedStatement statement, string message, string help, string evidence, string? safeRewrite = null) =>
        new(rule.Id, rule.Severity, file.File.DisplayPath, statement.Trace.Line, statement.Trace.Column, message, help)
        {
            Origin = FindingOrigin.Trace,
            Sql = statement.Trace.Sql,
            Evidence = evidence,
            SafeRewrite = safeRewrite,
            EndLine = statement.Trace.EndLine,
        };

    /// <summary>
    /// Constraints each statement added to tables that existed before the migration, with the table and the strongest lock
    /// the transaction held on it afterwards.
    /// </summary>
    public static IEnumerable<(TracedStatement Statement, ConstraintState Constraint, RelationState Table, LockMode Mode)> ConstraintsAddedToExistingTables(
        FileTrace file, Func<TracedStatement, ConstraintState, bool> which) =>
        from statement in file.Statements
        where statement.Ran
        from constraint in statement.AddedConstraints
        where file.Preexisting.Contains(constraint.TableOid) && which(statement, constraint)
        select (statement, constraint, statement.After!.Relations[constraint.TableOid],
            statement.StrongestLockOn(constraint.TableOid) ?? LockMode.AccessExclusive);

    /// <summary>"~60,000 rows", "empty here", or "row count unknown".</summary>
    public static string Rows(RelationState? relation) => relation?.RowEstimate switch
    {
        null or < 0 => "row count unknown",
        0 => "empty here",
        var n => string.Create(CultureInfo.InvariantCulture, $"~{n:N0} rows"),
    };

    public static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0.#} ms");

    /// <summary>A timeout setting as current_setting shows it ("0", "5s", "500ms"): disabled when its number is 0.</summary>
    public static bool IsDisabled(string setting) =>
        long.TryParse(setting.AsSpan(0, setting.TakeWhile(char.IsAsciiDigit).Count()), CultureInfo.InvariantCulture, out var value) && value == 0;

    /// <summary>The first words of a statement, for messages: "ALTER TABLE", "CREATE INDEX".</summary>
    public static string Verb(TracedStatement statement) =>
        statement.Statement.Keywords is { Length: > 0 } keywords ? keywords : "the statement";

    /// <summary>The same index definition built without blocking writes.</summary>
    public static string Concurrently(string indexDefinition) => IndexHead().Replace(indexDefinition, "CREATE ${unique}INDEX CONCURRENTLY ", 1);

    /// <summary>A new identifier made of parts (each possibly quoted), cut to PostgreSQL's 63 bytes, quoted when needed.</summary>
    public static string NewName(params string[] parts)
    {
        var name = string.Join('_', parts.Select(p => Unquote(p[(p.LastIndexOf('.') + 1)..])));
        while (System.Text.Encoding.UTF8.GetByteCount(name) > 63)
        {
            name = name[..^1];
        }

        return PlainIdentifier().IsMatch(name) ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Where the file's transaction comes from, for advice about statements that cannot run inside one.</summary>
    public static string TransactionContext(MigrationFile file) =>
        file.TransactionNote is { Length: > 0 } note ? $" ({note})" : string.Empty;

    private static string Unquote(string identifier) =>
        identifier.Length > 1 && identifier[0] == '"' && identifier[^1] == '"'
            ? identifier[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : identifier;

    [GeneratedRegex("^CREATE (?<unique>UNIQUE )?INDEX ", RegexOptions.CultureInvariant)]
    private static partial Regex IndexHead();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();
}
