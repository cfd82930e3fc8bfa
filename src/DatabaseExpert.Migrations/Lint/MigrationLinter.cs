using System.Diagnostics;
using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Lint.Internal;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Lint;

/// <summary>
/// Static lint of migrations: each file's statements are classified and checked by every rule in order, with the
/// schema the earlier files left (so a later type change knows the type before it). Never throws for bad SQL: what
/// cannot be read is reported as <c>syntax-error</c> or <c>not-analysed</c>.
/// </summary>
public static class MigrationLinter
{
    public static LintResult Lint(MigrationSet set, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(set);
        var result = Lint(set.Files, options);
        return result with { Notes = [.. set.Notes, .. result.Notes] };
    }

    public static LintResult Lint(IReadOnlyList<MigrationFile> files, LintOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var started = options.Time.GetTimestamp();
        var settings = options.ToSettings();
        var schema = new KnownSchema();
        var findings = new List<Finding>();
        var notes = new List<SourceNote>();
        int linted = 0, statements = 0, notAnalysed = 0;
        foreach (var file in files)
        {
            if (options.Config.IsExcluded(file.Path))
            {
                // Still read: later files need the schema it leaves.
                FileLinter.Replay(file, schema, settings);
                notes.Add(new SourceNote(Severity.Info, $"excluded by {options.Config.Source}", file.DisplayPath));
                continue;
            }

            var outcome = FileLinter.Lint(file, schema, settings, options);
            linted++;
            statements += outcome.Statements;
            notAnalysed += outcome.NotAnalysed;
            findings.AddRange(outcome.Findings);
        }

        var elapsed = (long)options.Time.GetElapsedTime(started).TotalMilliseconds;
        Debug.Assert(elapsed >= 0, "time runs forward");
        var summary = new LintSummary(linted, statements,
            findings.Count(f => f.Severity == Severity.Error),
            findings.Count(f => f.Severity == Severity.Warning),
            findings.Count(f => f.Severity == Severity.Info),
            notAnalysed, elapsed, settings.PgVersion);
        return new LintResult(findings, summary, notes);
    }
}
