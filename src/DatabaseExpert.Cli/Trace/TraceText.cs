using System.Globalization;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Postgres.Connections;
using Spectre.Console;

namespace DatabaseExpert.Cli.Trace;

/// <summary>
/// <c>dbx trace</c> for people: per file, one line per statement (line, time, the strongest lock on each table that existed
/// before, rewrites, created objects), then the findings with their evidence and safe rewrite, then notes.
/// </summary>
internal static class TraceText
{
    private const int EffectsWidth = 56;

    public static void Render(IAnsiConsole console, TraceResult result, IReadOnlyList<SourceNote> notes, DatabaseTarget target, int historyCount)
    {
        var where = target.IsShadow ? "a shadow cluster" : target.Display;
        var rolledBack = result.Isolation == TraceIsolation.RollBackEverything ? ", everything rolled back" : string.Empty;
        console.MarkupLine(Markup.Escape(
            $"Traced {result.Files.Count} migration(s) on {where} (PostgreSQL {result.ServerVersion}) after {historyCount} history migration(s)"
            + $"{rolledBack} in {Seconds(result.Timings.Total)}"));

        foreach (var file in result.Files)
        {
            console.WriteLine();
            var status = file.Applied ? "[green]applied[/]" : "[red]FAILED[/]";
            console.MarkupLine($"[bold]{Markup.Escape(file.File.DisplayPath)}[/]  {status}  [grey]{Markup.Escape(Ms(file.Duration.TotalMilliseconds))}[/]");
            var statementWidth = Math.Max(30, console.Profile.Width - EffectsWidth - 18);
            console.MarkupLine($"[grey]  {"line",5} {"ms",8}  {"locks and effects",-EffectsWidth}  statement[/]");
            foreach (var statement in file.Statements)
            {
                var effects = Fit(Effects(statement), EffectsWidth);
                var ms = statement.Outcome == StatementOutcome.Skipped ? "-" : statement.DurationMs.ToString("0.0", CultureInfo.InvariantCulture);
                console.MarkupLine(Markup.Escape($"  {statement.Line,5} {ms,8}  {effects,-EffectsWidth}  {Fit(FirstLine(statement.Sql), statementWidth)}"));
            }

            if (file.Error is { } error)
            {
                console.MarkupLine($"  [red]error {error.Line}:{error.Column}[/] {Markup.Escape($"{error.Message} (SQLSTATE {error.SqlState})")}");
            }
        }

        console.WriteLine();
        RenderFindings(console, result.Findings);
        foreach (var note in notes)
        {
            var place = note.File is null ? string.Empty : note.Line > 0 ? $"{note.File}:{note.Line}: " : $"{note.File}: ";
            console.MarkupLine($"[grey]note: {Markup.Escape(place + note.Message)}[/]");
        }

        var errors = result.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = result.Findings.Count(f => f.Severity == Severity.Warning);
        var failed = result.Files.Count(f => !f.Applied);
        console.MarkupLine(result.Findings.Count == 0
            ? "[green]no findings[/]"
            : Markup.Escape($"{errors} error(s), {warnings} warning(s) in {result.Files.Count} file(s)")
              + (failed > 0 ? Markup.Escape($"; {failed} failed to apply") : string.Empty));
    }

    private static void RenderFindings(IAnsiConsole console, IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column))
        {
            var color = finding.Severity switch
            {
                Severity.Error => "red",
                Severity.Warning => "yellow",
                _ => "blue",
            };
            var severity = finding.Severity.ToString().ToLowerInvariant();
            console.MarkupLine(
                $"[bold]{Markup.Escape($"{finding.File}:{finding.Line}:{finding.Column}")}[/] [{color}]{severity}[/] [grey]{Markup.Escape(finding.Rule)}[/]");
            console.MarkupLine($"  {Markup.Escape(finding.Message)}");
            if (finding.Evidence is { Length: > 0 } evidence)
            {
                console.MarkupLine($"  [grey]measured:[/] {Markup.Escape(evidence)}");
            }

            console.MarkupLine($"  [grey]help:[/] {Markup.Escape(finding.Help)}");
            if (finding.SafeRewrite is { Length: > 0 } rewrite)
            {
                console.MarkupLine("  [grey]safe rewrite:[/]");
                foreach (var line in rewrite.Split('\n'))
                {
                    console.MarkupLine($"    [green]{Markup.Escape(line)}[/]");
                }
            }

            console.WriteLine();
        }
    }

    /// <summary>The strongest new lock per pre-existing relation, rewrites, created objects; "skipped: …" or "failed".</summary>
    private static string Effects(StatementTrace statement)
    {
        switch (statement.Outcome)
        {
            case StatementOutcome.Skipped:
                return "skipped: " + statement.SkipReason;
            case StatementOutcome.Failed:
                return "failed";
        }

        // Plain reads (ACCESS SHARE) and index locks are noise here; the findings name what matters.
        var parts = statement.Locks
            .Where(l => l.Preexisting && l.Mode != LockMode.AccessShare && l.Kind is not (RelationKind.Index or RelationKind.PartitionedIndex))
            .GroupBy(l => l.Relation, StringComparer.Ordinal)
            .Select(g => (Mode: g.Max(l => l.Mode), Relation: g.Key))
            .OrderByDescending(x => x.Mode)
            .Select(x => $"{x.Mode.ToPgName()} {x.Relation}")
            .ToList();
        if (statement.Rewrites.Count > 0)
        {
            var tables = statement.Rewrites.Where(r => r.Kind is not (RelationKind.Index or RelationKind.PartitionedIndex)).Select(r => r.Relation).ToList();
            var indexes = statement.Rewrites.Count - tables.Count;
            parts.Add("rewrote " + string.Join(' ', tables) + (indexes > 0 ? $" +{indexes} index(es)" : string.Empty));
        }

        if (statement.Created.Count > 0)
        {
            parts.Add("created " + string.Join(' ', statement.Created));
        }

        if (!statement.InTransaction)
        {
            parts.Add("(outside a transaction: locks not visible)");
        }

        return parts.Count == 0 ? "-" : string.Join("; ", parts);
    }

    private static string FirstLine(string sql)
    {
        var end = sql.IndexOfAny(['\r', '\n']);
        return end < 0 ? sql : sql[..end] + " …";
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Ms(double milliseconds) => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0} ms");

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s");
}
