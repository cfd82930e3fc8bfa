using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Reporters.Internal;
using DatabaseExpert.Migrations.Review.Git;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Review.Internal;

/// <summary>
/// <c>edited-applied-migration</c>: a migration that existed at the merge-base and was edited, renamed or deleted. The
/// statements are compared as PostgreSQL reads them, so a change of comments or layout is only an info.
/// </summary>
internal static class EditedHistory
{
    public static async Task<IReadOnlyList<Finding>> CheckAsync(
        GitRepository git, string mergeBase, string baseRef, ChangePlan plan, MigrationFormat format, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var migration in plan.Migrations.Where(m => m.ExistedAtBase))
        {
            var change = migration.Change!;
            var before = await git.ShowAsync(mergeBase, change.OldPath ?? change.Path, cancellationToken);
            if (before is not null)
            {
                findings.Add(Compare(migration.File, change, before, baseRef, format));
            }
        }

        findings.AddRange(plan.DeletedMigrations.Select(d => Finding(Severity.Error, d.Path, 1, 1,
            $"{d.Path} existed on {baseRef} and was deleted. Databases that applied it keep what it did; new databases will not get it.",
            "Restore the migration. To undo what it did, add a new migration that reverses it.", format)));
        return findings;
    }

    private static Finding Compare(MigrationFile file, GitChange change, string before, string baseRef, MigrationFormat format)
    {
        var now = SqlScript.Parse(File.ReadAllText(file.Path)).Statements;
        var then = SqlScript.Parse(before).Statements.Select(StatementText.Normalize).ToList();
        var differs = Enumerable.Range(0, Math.Max(now.Count, then.Count))
            .FirstOrDefault(i => i >= now.Count || i >= then.Count || StatementText.Normalize(now[i]) != then[i], -1);
        var renamed = change.Kind == FileChange.Renamed ? $" (renamed from {change.OldPath})" : "";
        if (differs < 0)
        {
            return change.Kind == FileChange.Renamed
                ? Finding(Severity.Warning, file.DisplayPath, 1, 1,
                    $"{change.OldPath} existed on {baseRef} and was renamed to {file.DisplayPath}. Tools that track migrations by " +
                    "name or version (Flyway, Prisma, golang-migrate, dbmate) see a new migration to run and an applied one that vanished.",
                    "Keep the old name. If the rename is needed, check what your migration tool records for applied migrations first.", format)
                : Finding(Severity.Info, file.DisplayPath, 1, 1,
                    $"{file.DisplayPath} existed on {baseRef}; only comments or layout changed, which changes nothing on any database.",
                    "Nothing to do, unless the comments were meant as a change: then write a new migration.", format);
        }

        if (differs >= now.Count)
        {
            var last = now.Count > 0 ? now[^1].End.Line : 1;
            return Finding(Severity.Error, file.DisplayPath, last, 1,
                $"{file.DisplayPath} existed on {baseRef}{renamed} and lost {then.Count - now.Count} statement(s) at its end. Databases " +
                "that applied it keep what those statements did; new databases will not get it.",
                "Revert the edit; undo the statements' effect in a new migration instead.", format);
        }

        var statement = now[differs];
        return Finding(Severity.Error, file.DisplayPath, statement.Start.Line, statement.Start.Column,
            $"{file.DisplayPath} existed on {baseRef}{renamed} and statement {differs + 1} was edited. Databases that applied the " +
            "migration will not run it again: they keep the old version while new databases get the new one.",
            "Revert the edit and put the change in a new migration. If this migration never ran anywhere (not deployed, not " +
            "applied by a teammate), the finding can be ignored.", format) with
        {
            Sql = statement.Text,
            EndLine = statement.End.Line,
        };
    }

    private static Finding Finding(Severity severity, string file, int line, int column, string message, string help, MigrationFormat format) =>
        new(ReviewRules.EditedAppliedMigration, severity, file, line, column, message, $"{help} {ToolNote(format)}".TrimEnd())
        {
            Origin = FindingOrigin.Analysis,
        };

    /// <summary>What the project's tool does with an applied migration whose file changed.</summary>
    private static string ToolNote(MigrationFormat format) => format switch
    {
        MigrationFormat.Drizzle =>
            "(drizzle-kit migrate picks pending migrations by journal timestamp, so the change is silently never applied where it already ran.)",
        MigrationFormat.Flyway => "(Flyway's validate fails on the changed checksum; `flyway repair` would only hide the difference.)",
        MigrationFormat.Prisma => "(Prisma reports the migration as modified after it was applied.)",
        _ => "",
    };
}
