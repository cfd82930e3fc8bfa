using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>
/// Rule ids of the problems found while reading a project (not in its SQL): they arrive as <see cref="SourceNote"/>s with
/// a <see cref="SourceNote.Rule"/> and are reported as findings. Each has its page in docs/rules/&lt;id&gt;.md.
/// </summary>
public static class SourceRules
{
    /// <summary>A Drizzle journal entry whose .sql file is missing: <c>migrate</c> stops with "No file … found".</summary>
    public const string DrizzleJournalMissingFile = "drizzle-journal-missing-file";

    /// <summary>A .sql file in Drizzle's out folder that the journal does not list: <c>migrate</c> never runs it.</summary>
    public const string DrizzleFileNotInJournal = "drizzle-file-not-in-journal";

    /// <summary>A journal <c>when</c> not later than an earlier entry's: <c>migrate</c> skips it where the earlier one is applied.</summary>
    public const string DrizzleJournalTimestampOrder = "drizzle-journal-timestamp-order";

    /// <summary>A <c>--&gt; statement-breakpoint</c> marker inside a statement or literal: Drizzle splits the text there.</summary>
    public const string DrizzleBreakpointSplitsStatement = "drizzle-breakpoint-splits-statement";

    /// <summary>schema.ts has changes that no migration produces (found by running the project's drizzle-kit).</summary>
    public const string DrizzleSchemaDrift = "drizzle-schema-drift";

    /// <summary><c>drizzle-kit check</c> reported a problem with the snapshots (collisions, malformed or outdated files).</summary>
    public const string DrizzleKitCheck = "drizzle-kit-check";

    /// <summary>Every rule id above.</summary>
    public static IReadOnlyList<string> Ids { get; } =
        [DrizzleJournalMissingFile, DrizzleFileNotInJournal, DrizzleJournalTimestampOrder, DrizzleBreakpointSplitsStatement, DrizzleSchemaDrift, DrizzleKitCheck];

    /// <summary>The notes of <paramref name="set"/> that are project problems, as findings.</summary>
    public static IEnumerable<Finding> Findings(MigrationSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Findings(set.Notes);
    }

    /// <summary>The notes that carry a rule id, as findings (origin Drift: the project disagrees with itself; a split
    /// statement is a Lint finding, being about one file's SQL).</summary>
    public static IEnumerable<Finding> Findings(IEnumerable<SourceNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return notes.Where(n => n.Rule is not null).Select(ToFinding);
    }

    private static Finding ToFinding(SourceNote note) =>
        new(note.Rule!, note.Severity, note.File ?? "", Math.Max(note.Line, 1), 1, note.Message, note.Help ?? "")
        {
            Origin = note.Rule == DrizzleBreakpointSplitsStatement ? FindingOrigin.Lint : FindingOrigin.Drift,
        };
}
