using System.ComponentModel;
using System.Text;
using DatabaseExpert.Agent.Permissions;
using DatabaseExpert.Migrations.Config;
using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Review.Steps;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Trace;
using DatabaseExpert.Postgres.Shadow;
using DatabaseExpert.Workspace.Jail;
using Microsoft.SemanticKernel;

namespace DatabaseExpert.Agent.Tools;

/// <summary>
/// Migration safety for the agent: check a migration before proposing it (static rules), measure what it locks and
/// rewrites on a throwaway database (trace), and review a project's changes the way <c>dbx review</c> does. Paths are
/// jailed to the workspace. All three only read the workspace; the trace runs on an embedded cluster, never on the
/// user's database.
/// </summary>
public sealed class MigrationsPlugin(WorkspaceJail jail, TimeProvider? timeProvider = null)
{
    public const string PluginName = "migrations";

    [KernelFunction("lint_migration")]
    [Description("Check migration SQL against dbx's migration-safety rules (locks, rewrites, missing CONCURRENTLY/NOT VALID/timeouts, risky types, Drizzle transaction semantics). Give the SQL you intend to propose, or a path to a .sql file, a migrations folder or a Drizzle/Prisma/Flyway project.")]
    [ToolAccess(ToolAccess.ReadOnly)]
    public string LintMigration(
        [Description("Migration SQL to check (when no path is given)")] string? sql = null,
        [Description("A .sql file, a migrations folder or a project folder, relative to the workspace root")] string? path = null,
        [Description("The project the SQL will join (its earlier migrations give table and column types), relative to the workspace root")] string? project = null,
        [Description("Target PostgreSQL major version (default: the project's .dbx.yaml, else 15)")] int? pg_version = null)
    {
        var (set, reviewed) = Resolve(sql, path, project);
        var config = LintConfigLoader.Discover(set.Root);
        var result = MigrationLinter.Lint(set.Files, new LintOptions { PgVersion = pg_version ?? config.PgVersion, Config = config });
        var findings = result.Findings.Where(f => reviewed is null || f.File == reviewed).ToList();
        var header = $"Linted {result.Summary.Statements} statements of {result.Summary.Files} files for PostgreSQL {result.Summary.PgVersion}.";
        return Render(header, findings, result.Notes);
    }

    [KernelFunction("trace_migration")]
    [Description("Apply a migration on a throwaway embedded PostgreSQL (after the project's earlier migrations and an optional seed) and report the locks each statement takes, table rewrites, validation scans and failures, with the safe recipe for each. Never touches the user's database.")]
    [ToolAccess(ToolAccess.ReadOnly)]
    public async Task<string> TraceMigrationAsync(
        [Description("Migration SQL to trace (when no path is given)")] string? sql = null,
        [Description("A migration .sql file, or a project folder (its last migration is traced), relative to the workspace root")] string? path = null,
        [Description("The project whose migrations are applied first, relative to the workspace root")] string? project = null,
        [Description("SQL file with rows to insert after the history (so scans and rewrites touch real rows), relative to the workspace root")] string? seed = null,
        CancellationToken cancellationToken = default)
    {
        var (set, reviewed) = Resolve(sql, path, project);
        var targetIndex = reviewed is null ? set.Files.Count - 1 : set.Files.ToList().FindIndex(f => f.DisplayPath == reviewed);
        if (targetIndex < 0)
        {
            return "Nothing to trace: no migration found.";
        }

        var seedPath = seed is null ? LintConfigLoader.Discover(set.Root).ReviewSeed : jail.Resolve(seed, WorkspaceAccess.Read);
        var request = new TraceRequest
        {
            History = [.. set.Files.Take(targetIndex)],
            Targets = [set.Files[targetIndex]],
            Seed = seedPath is null ? null : SeedScript.FromFile(seedPath, jail.ToRelative(seedPath)),
        };
        try
        {
            var result = await new MigrationTracer(timeProvider).TraceAsync(request, cancellationToken);
            var statements = result.Files.Sum(f => f.Statements.Count);
            var header = $"Traced {statements} statements of {set.Files[targetIndex].DisplayPath} on PostgreSQL {result.ServerVersion} after {targetIndex} earlier migrations"
                + (request.Seed is null ? " (no seed: tables were empty, so scans and rewrites cost nothing here)." : $" and the seed {request.Seed.DisplayPath}.");
            return Render(header, result.Findings, result.Notes);
        }
        catch (ShadowClusterException ex)
        {
            return $"Error: no embedded PostgreSQL to trace on: {ex.Message.ReplaceLineEndings(" ")}";
        }
    }

    [KernelFunction("review_changes")]
    [Description("Review a project's migrations like `dbx review`: against a git base (only changed migrations, the rest as history) or the whole project. Runs the rules, the shadow trace and Drizzle drift; returns the findings with their fixes.")]
    [ToolAccess(ToolAccess.ReadOnly)]
    public async Task<string> ReviewChangesAsync(
        [Description("Project folder relative to the workspace root (default: the root)")] string? path = null,
        [Description("Git ref to compare with, e.g. origin/main; omit to review every migration")] string? base_ref = null,
        CancellationToken cancellationToken = default)
    {
        var root = jail.Resolve(path ?? ".", WorkspaceAccess.Read);
        var runner = new ReviewRunner(new ReviewSteps(new LintStep(), new TraceStep(timeProvider)));
        var seed = LintConfigLoader.Discover(root).ReviewSeed;
        var report = await runner.RunAsync(
            new ReviewRequest(root) { BaseRef = base_ref, DisplayRoot = jail.Root, Options = new ReviewOptions { SeedFile = seed } },
            cancellationToken);
        return TextReporter.Render(report, new ReporterOptions { Color = false });
    }

    /// <summary>
    /// The migrations to analyse and the one to report on: given SQL joins the project's history as a new last file;
    /// a path is read as its tool reads it.
    /// </summary>
    private (MigrationSet Set, string? Reviewed) Resolve(string? sql, string? path, string? project)
    {
        var options = new MigrationSourceOptions { DisplayRoot = jail.Root };
        if (!string.IsNullOrWhiteSpace(path))
        {
            var full = jail.Resolve(path, WorkspaceAccess.Read);
            if (File.Exists(full) && project is not null)
            {
                var history = MigrationSources.Read(jail.Resolve(project, WorkspaceAccess.Read), options);
                var file = MigrationSources.Read(full, options).Files[0];
                return (history with { Files = [.. history.Files.Where(f => f.Path != full), file] }, file.DisplayPath);
            }

            return (MigrationSources.Read(full, options), File.Exists(full) ? jail.ToRelative(full) : null);
        }

        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new ArgumentException("give either `sql` (the migration text) or `path` (a file or folder in the workspace)");
        }

        const string Proposed = "proposed-migration.sql";
        if (project is null)
        {
            return (new MigrationSet(MigrationFormat.PlainSql, jail.Root, [new MigrationFile(Proposed, Proposed, Proposed, sql, MigrationFormat.PlainSql, RunsInTransaction: false)], []), Proposed);
        }

        var set = MigrationSources.Read(jail.Resolve(project, WorkspaceAccess.Read), options);
        var last = set.Files.Count > 0 ? set.Files[^1] : null;
        var proposed = new MigrationFile(Proposed, Proposed, Proposed, sql, set.Format, last?.RunsInTransaction ?? false) { TransactionNote = last?.TransactionNote };
        return (set with { Files = [.. set.Files, proposed] }, Proposed);
    }

    private static string Render(string header, IReadOnlyList<Finding> findings, IReadOnlyList<SourceNote> notes)
    {
        var text = new StringBuilder(header).Append('\n');
        if (findings.Count == 0)
        {
            text.Append("No findings.\n");
        }

        foreach (var f in findings.OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            text.Append('\n').Append($"{f.File}:{f.Line}:{f.Column} {f.Severity.ToString().ToLowerInvariant()} {f.Rule}: {f.Message}\n");
            text.Append($"  why/what to do: {f.Help}\n");
            if (f.Evidence is not null)
            {
                text.Append($"  measured: {f.Evidence}\n");
            }

            if (f.SafeRewrite is not null)
            {
                text.Append("  safe rewrite:\n").Append(string.Join('\n', f.SafeRewrite.Split('\n').Select(l => "    " + l))).Append('\n');
            }
        }

        foreach (var note in notes)
        {
            text.Append($"\nnote: {note.Message}");
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
