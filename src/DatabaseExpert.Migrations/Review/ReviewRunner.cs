using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review.Git;
using DatabaseExpert.Migrations.Review.Internal;
using DatabaseExpert.Migrations.Review.Steps;
using DatabaseExpert.Migrations.Sources;
using DatabaseExpert.Migrations.Sources.Drizzle;

namespace DatabaseExpert.Migrations.Review;

/// <summary>
/// <c>dbx review</c>: finds what changed against a git base (or takes the whole project), then lints and traces the
/// new and changed migrations with the earlier ones as history, checks Drizzle drift (and lints the SQL drizzle-kit
/// would generate), explains changed query files when a database is given, flags edited history, and collects it all in
/// a <see cref="ReviewReport"/>. Every step is optional: one that cannot run is reported as skipped with the reason, one
/// that throws as failed; the review goes on.
/// </summary>
public sealed class ReviewRunner(ReviewSteps steps)
{
    /// <exception cref="ReviewException">The path does not exist, or <see cref="ReviewRequest.BaseRef"/> cannot be used (not a
    /// git repository, an unknown ref, a shallow clone).</exception>
    /// <exception cref="MigrationSourceException">No migrations were found at the path, or a journal or config is malformed.</exception>
    public async Task<ReviewReport> RunAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var project = Path.GetFullPath(request.Path);
        if (!Directory.Exists(project) && !File.Exists(project))
        {
            throw new ReviewException($"{request.Path} does not exist: pass the project folder (the one holding drizzle.config.ts, " +
                                      "prisma/, flyway.conf…), its migrations folder, or nothing for the current folder.");
        }

        var projectDirectory = Directory.Exists(project) ? project : Path.GetDirectoryName(project)!;
        var run = new ReviewRun(time, cancellationToken);
        var (git, noGit) = await GitRepository.OpenAsync(projectDirectory, cancellationToken);
        if (request.BaseRef is not null && git is null)
        {
            throw new ReviewException($"--base needs a git repository: {noGit!.Message}. Review without --base to take the whole project.", noGit.IsEnvironment);
        }

        var displayRoot = git?.Root ?? request.DisplayRoot ?? projectDirectory;
        var set = MigrationSources.Read(project, new MigrationSourceOptions { DisplayRoot = displayRoot });
        run.Notes.AddRange(set.Notes.Where(n => n.Rule is null));

        ChangePlan plan;
        string? mergeBase = null;
        if (request.BaseRef is { } baseRef)
        {
            (plan, mergeBase) = await PlanDiffAsync(git!, baseRef, set, projectDirectory, run, options, cancellationToken);
        }
        else
        {
            plan = ChangePlan.WholeProject(set);
        }

        var changedPaths = plan.Migrations.Select(m => m.File.DisplayPath).ToHashSet(StringComparer.Ordinal);
        AddSourceFindings(set, request.BaseRef is null ? null : changedPaths, run);

        var scope = plan.Scope(set);
        var files = plan.Migrations.Select(m => m.ToReport(m.Change?.OldPath)).ToList();
        await LintAsync(scope, options, run);
        await DriftAsync(set, project, displayRoot, options, files, run);
        await TraceAsync(scope, options, run);
        if (request.BaseRef is null)
        {
            run.Skip("explain", "only queries changed against a base are explained (--base)");
        }
        else
        {
            await ExplainAsync([.. plan.Queries.Select(q => q.File)], request.Database, options, run);
        }

        files.AddRange(plan.Queries.Select(q => new ReviewedFile(q.File.DisplayPath, ReviewFileRole.Query, q.Change)));

        var excluded = run.Findings.RemoveAll(f => options.ExcludedRules.Contains(f.Rule));
        if (excluded > 0)
        {
            run.Notes.Add(new SourceNote(Severity.Info, $"{SeverityCounts.Plural(excluded, "finding")} of excluded rules not reported."));
        }

        var report = new ReviewReport(options.ToolVersion, Label(displayRoot, project), TraceConfirmation.Merge(run.Findings))
        {
            Mode = request.BaseRef is null ? ReviewMode.WholeProject : ReviewMode.Diff,
            Format = set.Format,
            BaseRef = request.BaseRef,
            MergeBase = mergeBase,
            Files = files,
            HistoryCount = scope.History.Count,
            Notes = run.Notes,
            Steps = run.Steps,
        };
        report = await SummarizeAsync(report, options, run);
        return report with { Steps = run.Steps, Elapsed = time.GetElapsedTime(started) };
    }

    private static async Task<(ChangePlan Plan, string MergeBase)> PlanDiffAsync(
        GitRepository git, string baseRef, MigrationSet set, string projectDirectory, ReviewRun run, ReviewOptions options,
        CancellationToken cancellationToken)
    {
        var started = run.Time.GetTimestamp();
        var mergeBase = await git.MergeBaseAsync(baseRef, cancellationToken);
        var changes = await git.ChangesAsync(mergeBase, options.IncludeUncommitted, cancellationToken);
        var plan = ChangePlan.ForDiff(set, changes, git.Root, projectDirectory);
        if (!options.IncludeUncommitted)
        {
            var reviewed = plan.Migrations.Select(m => m.File.DisplayPath).ToHashSet(StringComparer.Ordinal);
            var dirty = (await git.UncommittedAsync(cancellationToken)).Where(reviewed.Contains).ToList();
            if (dirty.Count > 0)
            {
                run.Notes.Add(new SourceNote(Severity.Warning,
                    $"{string.Join(", ", dirty)} {(dirty.Count == 1 ? "has" : "have")} uncommitted changes: the file on disk was reviewed. " +
                    "Commit them, or pass --uncommitted to review the working tree on purpose."));
            }
        }

        run.Findings.AddRange(await EditedHistory.CheckAsync(git, mergeBase, baseRef, plan, set.Format, cancellationToken));
        var what = options.IncludeUncommitted ? "the working tree" : "HEAD";
        run.Steps.Add(new StepReport("git", StepStatus.Ran,
            $"{SeverityCounts.Plural(plan.ChangedFiles, "changed file")} between {baseRef} (merge-base {mergeBase[..Math.Min(8, mergeBase.Length)]}) " +
            $"and {what}: {SeverityCounts.Plural(plan.Migrations.Count, "migration")}, {SeverityCounts.Plural(plan.Queries.Count, "query file")}",
            run.Time.GetElapsedTime(started)));
        return (plan, mergeBase);
    }

    /// <summary>Project problems found while reading (journal, breakpoints); with a base, only those in changed files.</summary>
    private static void AddSourceFindings(MigrationSet set, HashSet<string>? changed, ReviewRun run)
    {
        var findings = SourceRules.Findings(set).ToList();
        var migrationPaths = set.Files.Select(f => f.DisplayPath).ToHashSet(StringComparer.Ordinal);
        var kept = changed is null ? findings : findings.Where(f => !migrationPaths.Contains(f.File) || changed.Contains(f.File)).ToList();
        run.Findings.AddRange(kept);
    }

    private async Task LintAsync(MigrationScope scope, ReviewOptions options, ReviewRun run)
    {
        if (scope.Reviewed.Count == 0)
        {
            run.Skip("lint", "no migration changed");
            return;
        }

        var outcome = await run.StepAsync("lint", () => steps.Lint.LintAsync(scope, options, run.CancellationToken));
        run.Keep("lint", outcome, scope);
    }

    private async Task TraceAsync(MigrationScope scope, ReviewOptions options, ReviewRun run)
    {
        if (!options.Trace)
        {
            run.Skip("trace", "turned off (--no-trace)");
        }
        else if (scope.Reviewed.Count == 0)
        {
            run.Skip("trace", "no migration changed");
        }
        else
        {
            var outcome = await run.StepAsync("trace", () => steps.Trace.TraceAsync(scope, options, run.CancellationToken));
            run.Keep("trace", outcome, scope);
        }
    }

    private async Task DriftAsync(MigrationSet set, string project, string displayRoot, ReviewOptions options, List<ReviewedFile> files, ReviewRun run)
    {
        if (set.Format != MigrationFormat.Drizzle)
        {
            run.Skip("drift", $"not a Drizzle project ({set.Format})");
            return;
        }

        if (!options.Drift)
        {
            run.Skip("drift", "turned off (--no-drift)");
            return;
        }

        DriftResult? result = null;
        var outcome = await run.StepAsync("drift", async () =>
        {
            var drizzle = DrizzleProject.Load(project, displayRoot);
            result = await steps.Drift.CheckAsync(drizzle, options.DriftOptions with { DisplayRoot = displayRoot }, run.CancellationToken);
            const string prefix = "Drift check skipped: ";
            var why = result.Notes.Count > 0 ? result.Notes[0].Message : "drizzle-kit did not run";
            return result.Ran
                ? StepOutcome.Ran($"drizzle-kit {result.DrizzleKitVersion}: {(result.PendingSql is null ? "no drift" : "schema changes without a migration")}",
                    result.Findings, result.Notes)
                : StepOutcome.Skipped(why.StartsWith(prefix, StringComparison.Ordinal) ? why[prefix.Length..] : why);
        });
        run.Keep("drift", outcome, scope: null);
        if (result?.PendingSql is { } pending && result.Findings.FirstOrDefault(f => f.Rule == SourceRules.DrizzleSchemaDrift) is { } drift)
        {
            await LintPendingAsync(set, pending, drift, options, files, run);
        }
    }

    /// <summary>The SQL drizzle-kit would generate is linted like a new migration; its findings point at the schema line.</summary>
    private async Task LintPendingAsync(MigrationSet set, string sql, Finding drift, ReviewOptions options, List<ReviewedFile> files, ReviewRun run)
    {
        var last = set.Files.Count > 0 ? set.Files[^1] : null;
        var folder = last is null ? set.Root : Path.GetDirectoryName(last.Path)!;
        var pending = new MigrationFile(Path.Combine(folder, "(drizzle-kit generate).sql"), drift.File, "pending", sql, MigrationFormat.Drizzle, RunsInTransaction: true)
        {
            TransactionNote = last?.TransactionNote,
        };
        var scope = new MigrationScope(set, set.Files, [pending], new HashSet<string>(StringComparer.Ordinal) { pending.Path });
        var outcome = await run.StepAsync("lint drift SQL", () => steps.Lint.LintAsync(scope, options, run.CancellationToken));
        var moved = outcome.Findings
            .Where(f => string.Equals(f.File, pending.DisplayPath, StringComparison.Ordinal))
            .Select(f => f with
            {
                File = drift.File,
                Line = drift.Line,
                Column = drift.Column,
                EndLine = null,
                Message = $"In the migration drizzle-kit would generate for this schema: {f.Message}",
            })
            .ToList();
        run.Keep("lint drift SQL", outcome with { Findings = moved }, scope: null);
        files.Add(new ReviewedFile(drift.File, ReviewFileRole.PendingMigration));
    }

    private async Task ExplainAsync(IReadOnlyList<QueryFile> queries, string? database, ReviewOptions options, ReviewRun run)
    {
        if (queries.Count == 0)
        {
            run.Skip("explain", "no query file changed");
        }
        else if (database is null)
        {
            run.Skip("explain", $"{SeverityCounts.Plural(queries.Count, "changed query file")}, but no database was given (--db) to explain them on");
        }
        else if (steps.Explain is null)
        {
            run.Skip("explain", "explain is not available in this build");
        }
        else
        {
            var outcome = await run.StepAsync("explain", () => steps.Explain.ExplainAsync(queries, database, options, run.CancellationToken));
            run.Keep("explain", outcome, scope: null);
        }
    }

    private async Task<ReviewReport> SummarizeAsync(ReviewReport report, ReviewOptions options, ReviewRun run)
    {
        if (!options.Summarize)
        {
            return report;
        }

        if (steps.Summary is null)
        {
            run.Skip("summary", "no model is configured (set DBX_MODEL or model: in agent.yaml)");
            return report;
        }

        string? text = null;
        await run.StepAsync("summary", async () =>
        {
            var summary = await steps.Summary.SummarizeAsync(report with { Steps = run.Steps }, run.CancellationToken);
            text = summary.Text;
            return summary.Text is null ? StepOutcome.Skipped(summary.Detail) : StepOutcome.Ran(summary.Detail, []);
        });
        return report with { ExpertSummary = text };
    }

    /// <summary>The project as reports name it: relative to the display root, "." for the root itself.</summary>
    private static string Label(string displayRoot, string project)
    {
        var relative = Path.GetRelativePath(displayRoot, project).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? project : relative;
    }
}
