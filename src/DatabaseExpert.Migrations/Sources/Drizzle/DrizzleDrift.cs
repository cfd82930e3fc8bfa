using System.Text.Json;
using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Drizzle.Internal;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources.Drizzle;

/// <summary>
/// Runs the project's own drizzle-kit, never touching the project: <c>check</c> (snapshot and journal consistency) and
/// <c>generate</c> into a temporary copy of the out folder. A migration generated there means schema.ts has changes
/// that no migration produces (<c>drizzle-schema-drift</c>). Without node or the project's node_modules the result says
/// what was skipped and how to enable it.
/// </summary>
public static partial class DrizzleDrift
{
    private const string ProbeName = "dbx_drift_probe";

    public static Task<DriftResult> CheckAsync(DrizzleProject project, CancellationToken cancellationToken) =>
        CheckAsync(project, DrizzleDriftOptions.Default, cancellationToken);

    public static async Task<DriftResult> CheckAsync(DrizzleProject project, DrizzleDriftOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(options);
        var context = new SourceReadContext(project.Root, new MigrationSourceOptions { DisplayRoot = options.DisplayRoot });
        var skipped = WhySkipped(project, options, context, out var node, out var kit);
        if (skipped is not null)
        {
            context.Note(Severity.Info, skipped);
            return new DriftResult([], context.Notes);
        }

        var started = options.TimeProvider.GetTimestamp();
        var temp = Directory.CreateTempSubdirectory("dbx-drizzle-drift-");
        try
        {
            var probe = ProbeConfig.Write(temp.FullName, project.ConfigPath!);
            var checkCopy = Path.Combine(temp.FullName, "check");
            var generateCopy = Path.Combine(temp.FullName, "generate");
            var check = RunAsync(node!, kit!, ["check", "--config", probe], checkCopy, project, options, cancellationToken);
            var generate = RunAsync(node!, kit!, ["generate", "--config", probe, "--name", ProbeName], generateCopy, project, options, cancellationToken);
            await Task.WhenAll(check, generate);

            var findings = new List<Finding>();
            var outPath = ResolvedOut(await check, await generate) ?? project.OutPath;
            if (!string.Equals(outPath, project.OutPath, StringComparison.Ordinal))
            {
                context.Note(Severity.Info, $"drizzle-kit resolves out to {context.Display(outPath)} (dbx's static reading said {context.Display(project.OutPath)}).");
            }

            ReadCheck(await check, outPath, Unmask(project, checkCopy, outPath, context), context, findings, options.Timeout);
            var pending = ReadGenerate(await generate, outPath, generateCopy, project, kit!, context, findings, options.Timeout);
            return new DriftResult(findings, context.Notes)
            {
                Ran = true,
                DrizzleKitVersion = kit!.Version,
                PendingSql = pending,
                Elapsed = options.TimeProvider.GetElapsedTime(started),
            };
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static string? WhySkipped(
        DrizzleProject project, DrizzleDriftOptions options, SourceReadContext context, out string? node, out DrizzleKitPackage? kit)
    {
        node = NodeTools.FindNode(options.NodePath);
        kit = NodeTools.FindDrizzleKit(project.Root);
        var root = context.Display(project.Root);
        if (project.ConfigPath is null)
        {
            return $"Drift check skipped: no drizzle.config.* in {root} for drizzle-kit to run with.";
        }

        if (node is null)
        {
            return options.NodePath is null
                ? "Drift check skipped: node was not found on PATH. Install Node.js 18 or later, then `npm install` in " +
                  $"{root}, to compare schema.ts with the migrations."
                : $"Drift check skipped: {options.NodePath} does not exist.";
        }

        if (kit is null)
        {
            return $"Drift check skipped: drizzle-kit is not installed for {root} (no node_modules/drizzle-kit). " +
                   $"Run `npm install` in {root} to enable it.";
        }

        return kit.SupportsDialectCommands
            ? null
            : $"Drift check skipped: drizzle-kit {kit.Version} predates the `dialect` config (0.21). Upgrade drizzle-kit to enable it.";
    }

    private static Task<ChildOutcome> RunAsync(
        string node, DrizzleKitPackage kit, string[] arguments, string copy, DrizzleProject project, DrizzleDriftOptions options,
        CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ProbeConfig.CopyVariable] = copy,
            ["NO_COLOR"] = "1",
            ["FORCE_COLOR"] = "0",
        };
        return ChildProcess.RunAsync(node, [kit.BinPath, .. arguments], project.Root, environment, options.Timeout, options.TimeProvider, cancellationToken);
    }

    private static string? ResolvedOut(params ChildOutcome[] outcomes) =>
        outcomes.SelectMany(o => Lines(o.Output))
            .Where(l => l.StartsWith(ProbeConfig.OutMarker, StringComparison.Ordinal))
            .Select(l => JsonSerializer.Deserialize<string>(l[ProbeConfig.OutMarker.Length..]))
            .FirstOrDefault();

    private static void ReadCheck(
        ChildOutcome outcome, string outPath, Func<string, string> unmask, SourceReadContext context, List<Finding> findings, TimeSpan timeout)
    {
        if (outcome.TimedOut)
        {
            context.Note(Severity.Warning, $"`drizzle-kit check` did not finish within {timeout.TotalSeconds:0} s and was stopped.");
            return;
        }

        // The journal timestamp warning is reported by the reader, with its line (drizzle-journal-timestamp-order).
        var problems = Lines(outcome.Output).Where(l => CheckProblem().IsMatch(l)).Select(unmask).ToList();
        var journal = Path.Combine(outPath, "meta", "_journal.json");
        foreach (var problem in problems)
        {
            findings.Add(new Finding(SourceRules.DrizzleKitCheck, Severity.Error, context.Display(journal), 1, 1,
                $"drizzle-kit check: {problem}",
                "Snapshots that collide come from migrations generated on two branches from the same parent: keep one, delete " +
                "the other's SQL, snapshot and journal entry, and generate it again on top. Outdated snapshots: run `drizzle-kit up`.")
            {
                Origin = FindingOrigin.Drift,
                Evidence = "drizzle-kit check",
            });
        }

        if (outcome.ExitCode != 0 && problems.Count == 0)
        {
            context.Note(Severity.Error, $"`drizzle-kit check` failed (exit {outcome.ExitCode}): {Tail(outcome.Output)}");
        }
    }

    /// <summary>drizzle-kit names files under the copy (by its path relative to the project): show the project's out folder instead.</summary>
    private static Func<string, string> Unmask(DrizzleProject project, string copy, string outPath, SourceReadContext context)
    {
        var copyName = Path.GetRelativePath(project.Root, copy).Replace(Path.DirectorySeparatorChar, '/');
        var outName = context.Display(outPath);
        return line => line.Replace(copyName, outName, StringComparison.Ordinal);
    }

    private static string? ReadGenerate(
        ChildOutcome outcome, string outPath, string copy, DrizzleProject project, DrizzleKitPackage kit, SourceReadContext context,
        List<Finding> findings, TimeSpan timeout)
    {
        if (outcome.TimedOut || Prompted().IsMatch(outcome.Output))
        {
            var why = outcome.TimedOut
                ? $"`drizzle-kit generate` did not finish within {timeout.TotalSeconds:0} s (it may be waiting for an answer)"
                : "drizzle-kit asked an interactive question (a rename?)";
            context.Note(Severity.Warning,
                $"{why}: dbx cannot answer it, so the schema drift check is incomplete. Run `npx drizzle-kit generate` yourself " +
                "to resolve it, then commit the migration it writes.");
            return null;
        }

        var generated = NewMigrations(outPath, copy);
        if (generated.Count == 0)
        {
            if (!NoChanges().IsMatch(outcome.Output))
            {
                context.Note(Severity.Error, $"`drizzle-kit generate` ended without a migration and without saying the schema is unchanged " +
                                             $"(exit {outcome.ExitCode}): {Tail(outcome.Output)}");
            }

            return null;
        }

        var sql = string.Join("\n", generated.Select(File.ReadAllText));
        var statements = sql.Split(BreakpointCheck.Marker)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToList();
        var (file, line) = SchemaLocation(project, statements);
        var shown = string.Join(" ", statements.Take(3)) + (statements.Count > 3 ? $" … ({statements.Count - 3} more)" : "");
        findings.Add(new Finding(SourceRules.DrizzleSchemaDrift, Severity.Error, context.Display(file), line, 1,
            $"The schema has changes that no migration produces: `drizzle-kit generate` would write {statements.Count} " +
            $"statement(s): {shown}",
            "Generate and commit the migration (`npx drizzle-kit generate`), review it with `dbx lint`, or revert the schema " +
            "change. Deploying without it leaves the database behind the code that expects these changes.")
        {
            Origin = FindingOrigin.Drift,
            Sql = string.Join("\n", statements),
            Evidence = $"drizzle-kit {kit.Version} generate, run on a temporary copy of {context.Display(outPath)}",
        });
        return sql;
    }

    /// <summary>.sql files in the copy that the project's out folder does not have (0.x: tag.sql; 1.0: folder/migration.sql).</summary>
    private static List<string> NewMigrations(string outPath, string copy) =>
        Directory.Exists(copy)
            ? [.. Directory.EnumerateFiles(copy, "*.sql", SearchOption.AllDirectories)
                .Where(f => !File.Exists(Path.Combine(outPath, Path.GetRelativePath(copy, f))))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The schema file and line that defines the first object the generated SQL touches (or the config, line 1).</summary>
    private static (string File, int Line) SchemaLocation(DrizzleProject project, IReadOnlyList<string> statements)
    {
        var files = project.Schema
            .Select(s => Path.GetFullPath(Path.Combine(project.Root, s)))
            .Where(File.Exists)
            .ToList();
        var name = statements.Select(s => TouchedObject().Match(s)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
        if (name is not null)
        {
            var definition = new Regex($@"\(\s*['""`]{Regex.Escape(name)}['""`]", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            foreach (var file in files)
            {
                var lines = File.ReadAllLines(file);
                var index = Array.FindIndex(lines, l => definition.IsMatch(l));
                if (index >= 0)
                {
                    return (file, index + 1);
                }
            }
        }

        return (files.FirstOrDefault() ?? project.ConfigPath!, 1);
    }

    private static IEnumerable<string> Lines(string output) =>
        AnsiEscape().Replace(output, "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static string Tail(string output)
    {
        var lines = Lines(output).Where(l => !l.StartsWith(ProbeConfig.OutMarker, StringComparison.Ordinal)).TakeLast(5);
        return string.Join(" | ", lines);
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a check over it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    [GeneratedRegex(@"is not of the latest version|data is malformed|which is a collision", RegexOptions.CultureInvariant)]
    private static partial Regex CheckProblem();

    [GeneratedRegex(@"Interactive prompts require a TTY|created or renamed from another", RegexOptions.CultureInvariant)]
    private static partial Regex Prompted();

    [GeneratedRegex(@"No schema changes", RegexOptions.CultureInvariant)]
    private static partial Regex NoChanges();

    [GeneratedRegex(@"(?:TABLE|TYPE|VIEW|ON)\s+(?:""[^""]+""\.)?""([^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex TouchedObject();

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex AnsiEscape();
}
