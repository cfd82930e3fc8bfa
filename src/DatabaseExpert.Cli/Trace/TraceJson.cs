using System.Text.Json.Nodes;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Postgres.Connections;

namespace DatabaseExpert.Cli.Trace;

/// <summary>
/// <c>dbx trace --format json</c>: the findings in the lint/review shape (<c>findings</c>, <c>summary</c>), plus the
/// per-statement measurements (<c>files</c>) and <c>notes</c>.
/// </summary>
internal static class TraceJson
{
    public static JsonObject Render(TraceResult result, IReadOnlyList<SourceNote> notes, DatabaseTarget target) => new()
    {
        ["findings"] = Array(result.Findings, f => JsonReporter.FindingJson(f)),
        ["summary"] = new JsonObject
        {
            ["errors"] = result.Findings.Count(f => f.Severity == Severity.Error),
            ["warnings"] = result.Findings.Count(f => f.Severity == Severity.Warning),
            ["infos"] = result.Findings.Count(f => f.Severity == Severity.Info),
            ["files"] = result.Files.Count,
            ["applied"] = result.Files.Count(f => f.Applied),
            ["failed"] = result.Files.Count(f => !f.Applied),
            ["database"] = target.IsShadow ? DatabaseTarget.ShadowName : target.Name,
            ["serverVersion"] = result.ServerVersion,
            ["rolledBack"] = result.Isolation == TraceIsolation.RollBackEverything,
            ["timingsMs"] = new JsonObject
            {
                ["connect"] = Ms(result.Timings.Connect),
                ["history"] = Ms(result.Timings.History),
                ["seed"] = Ms(result.Timings.Seed),
                ["trace"] = Ms(result.Timings.Trace),
                ["total"] = Ms(result.Timings.Total),
            },
        },
        ["files"] = Array(result.Files, File),
        ["notes"] = Array(notes, n => new JsonObject
        {
            ["severity"] = n.Severity.ToString().ToLowerInvariant(),
            ["message"] = n.Message,
            ["file"] = n.File,
            ["line"] = n.Line == 0 ? null : n.Line,
        }),
    };

    private static JsonObject File(TracedFile file) => new()
    {
        ["file"] = file.File.DisplayPath,
        ["id"] = file.File.Id,
        ["applied"] = file.Applied,
        ["durationMs"] = Ms(file.Duration),
        ["error"] = file.Error is not { } e ? null : new JsonObject
        {
            ["message"] = e.Message,
            ["sqlState"] = e.SqlState,
            ["line"] = e.Line,
            ["column"] = e.Column,
            ["detail"] = e.Detail,
            ["hint"] = e.Hint,
        },
        ["statements"] = Array(file.Statements, Statement),
    };

    private static JsonObject Statement(StatementTrace s) => new()
    {
        ["index"] = s.Index,
        ["line"] = s.Line,
        ["column"] = s.Column,
        ["endLine"] = s.EndLine,
        ["sql"] = s.Sql,
        ["outcome"] = Camel(s.Outcome),
        ["durationMs"] = Math.Round(s.DurationMs, 3),
        ["rowsAffected"] = s.RowsAffected,
        ["inTransaction"] = s.InTransaction,
        ["lockTimeout"] = s.LockTimeout,
        ["statementTimeout"] = s.StatementTimeout,
        ["locks"] = Array(s.Locks, l => new JsonObject
        {
            ["relation"] = l.Relation,
            ["mode"] = l.Mode.ToPgName(),
            ["kind"] = Camel(l.Kind),
            ["preexisting"] = l.Preexisting,
            ["dangerous"] = l.Mode.IsDangerous(),
        }),
        ["rewrites"] = Array(s.Rewrites, r => new JsonObject
        {
            ["relation"] = r.Relation,
            ["kind"] = Camel(r.Kind),
            ["oldFileNode"] = r.OldFileNode,
            ["newFileNode"] = r.NewFileNode,
        }),
        ["created"] = Array(s.Created, c => JsonValue.Create(c)),
        ["dropped"] = Array(s.Dropped, c => JsonValue.Create(c)),
        ["columnChanges"] = Array(s.ColumnChanges, c => new JsonObject
        {
            ["relation"] = c.Relation,
            ["column"] = c.Column,
            ["change"] = Camel(c.Kind),
            ["oldType"] = c.OldType,
            ["newType"] = c.NewType,
            ["oldNotNull"] = c.OldNotNull,
            ["newNotNull"] = c.NewNotNull,
            ["oldDefault"] = c.OldDefault,
            ["newDefault"] = c.NewDefault,
        }),
        ["constraintChanges"] = Array(s.ConstraintChanges, c => new JsonObject
        {
            ["relation"] = c.Relation,
            ["name"] = c.Name,
            ["type"] = Camel(c.Type),
            ["change"] = Camel(c.Kind),
            ["validated"] = c.Validated,
            ["definition"] = c.Definition,
        }),
        ["indexChanges"] = Array(s.IndexChanges, i => new JsonObject
        {
            ["index"] = i.Index,
            ["relation"] = i.Relation,
            ["change"] = Camel(i.Kind),
            ["valid"] = i.Valid,
            ["ready"] = i.Ready,
            ["definition"] = i.Definition,
        }),
        ["heldAccessExclusive"] = Array(s.HeldAccessExclusive, h => JsonValue.Create(h)),
        ["notices"] = Array(s.Notices, n => JsonValue.Create(n)),
        ["skipReason"] = s.SkipReason,
    };

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> render) => new([.. items.Select(render)]);

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static double Ms(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);
}
