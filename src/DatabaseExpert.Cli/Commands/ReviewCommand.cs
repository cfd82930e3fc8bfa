using System.CommandLine;
using System.Text;
using DatabaseExpert.Cli.Review;
using DatabaseExpert.Migrations.Reporters;
using DatabaseExpert.Migrations.Review;
using DatabaseExpert.Migrations.Sources;

namespace DatabaseExpert.Cli.Commands;

/// <summary>
/// <c>dbx review [PATH] [--base REF]</c>: reviews a project's migrations (what changed against a git base, or the whole
/// project) with lint, shadow trace, Drizzle drift and, given a database, explain of changed queries; renders the report
/// as text, JSON, a markdown PR comment, SARIF or GitHub annotations, several at once if asked.
/// </summary>
public static class ReviewCommand
{
    public static Command Create(CliHost host) => Create(host, ReviewStepBinding.Create);

    /// <summary>With the steps supplied by <paramref name="bindSteps"/> (tests use fakes).</summary>
    internal static Command Create(CliHost host, Func<CliHost, ParseResult, ReviewSteps> bindSteps)
    {
        var path = new Argument<string?>("path")
        {
            Description = "The project folder (drizzle.config.ts, prisma/, flyway.conf…) or its migrations folder; default: the current folder",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var baseRef = new Option<string?>("--base")
        {
            HelpName = "REF",
            Description = "Review only what changed since the merge-base of this git ref and HEAD (e.g. origin/main); default: the whole project",
        };
        var uncommitted = new Option<bool>("--uncommitted") { Description = "With --base: include uncommitted changes and untracked files" };
        var format = Choice<ReportFormat>("--format",
            "Report on stdout (or --output): text, json, markdown, sarif or github (workflow annotations)",
            ReportFormat.Text, ReportFormats.Names, ReportFormats.TryParse);
        var output = new Option<string?>("--output", "-o") { HelpName = "FILE", Description = "Write the --format report to this file instead of stdout" };
        var json = new Option<string?>("--json") { HelpName = "FILE", Description = "Also write the JSON report to this file" };
        var markdown = new Option<string?>("--markdown") { HelpName = "FILE", Description = "Also write the markdown PR comment to this file" };
        var sarif = new Option<string?>("--sarif") { HelpName = "FILE", Description = "Also write the SARIF 2.1.0 log to this file" };
        var failOn = Choice<FailOn>("--fail-on",
            "Exit 1 when a finding has this severity or worse: error (default), warning, or never",
            FailOn.Error, FailOnExtensions.Names, FailOnExtensions.TryParse);
        var noTrace = new Option<bool>("--no-trace") { Description = "Skip the shadow trace (no PostgreSQL server is started)" };
        var noDrift = new Option<bool>("--no-drift") { Description = "Skip the Drizzle drift check (drizzle-kit is not run)" };
        var seed = new Option<string?>("--seed") { HelpName = "FILE", Description = "SQL run after the history and before the traced migrations, so scans and rewrites touch real rows" };
        var pgVersion = new Option<int?>("--pg-version") { HelpName = "N", Description = "PostgreSQL major version production runs" };
        var docsUrl = new Option<string?>("--docs-url")
        {
            HelpName = "URL",
            Description = "Where dbx's docs/ folder is published, for rule links in markdown and SARIF (default: DBX_DOCS_URL; none: no links)",
        };
        var summarize = new Option<bool>("--summarize") { Description = "Add a short expert summary written by the configured model above the findings" };
        var command = new Command("review", "Review migrations: what changed against a git base (--base), or the whole project")
        {
            path, baseRef, uncommitted, format, output, json, markdown, sarif, failOn, noTrace, noDrift, seed, pgVersion, docsUrl, summarize,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var outputs = ReviewOutput.Plan(parse.GetValue(format), parse.GetValue(output), parse.GetValue(json), parse.GetValue(markdown),
                parse.GetValue(sarif), host.WorkingDirectory);
            var docs = DocsUrl(parse.GetValue(docsUrl) ?? host.GetVariable("DBX_DOCS_URL"));
            var request = new ReviewRequest(Path.GetFullPath(parse.GetValue(path) ?? ".", host.WorkingDirectory))
            {
                BaseRef = parse.GetValue(baseRef),
                Database = parse.GetValue(GlobalOptions.Database),
                DisplayRoot = host.WorkingDirectory,
                Options = new ReviewOptions
                {
                    IncludeUncommitted = parse.GetValue(uncommitted),
                    Trace = !parse.GetValue(noTrace),
                    Drift = !parse.GetValue(noDrift),
                    Summarize = parse.GetValue(summarize),
                    SeedFile = Seed(parse.GetValue(seed), host.WorkingDirectory) ?? ConfiguredSeed(parse.GetValue(path) ?? ".", host.WorkingDirectory),
                    PgVersion = parse.GetValue(pgVersion),
                    ToolVersion = DbxApp.Version,
                    TimeProvider = host.Time,
                },
            };

            ReviewReport report;
            try
            {
                report = await new ReviewRunner(bindSteps(host, parse)).RunAsync(request, cancellationToken);
            }
            catch (ReviewException ex)
            {
                throw new CliException(ex.Message, ex.IsEnvironment ? ExitCodes.Runtime : ExitCodes.Usage);
            }
            catch (MigrationSourceException ex)
            {
                throw new CliException(ex.Message);
            }

            foreach (var target in outputs)
            {
                await WriteAsync(host, parse, report, target, docs, cancellationToken);
            }

            return parse.GetValue(failOn).Fails(report) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    private delegate bool TryParse<T>(string? text, out T value);

    /// <summary>An option taking one of <paramref name="names"/> (the first is the default), with a usage error naming them all.</summary>
    private static Option<T> Choice<T>(string name, string description, T fallback, IReadOnlyList<string> names, TryParse<T> parse) => new(name)
    {
        HelpName = string.Join('|', names),
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 0 ? names[0] : result.Tokens[0].Value;
            if (parse(token, out var parsed))
            {
                return parsed;
            }

            result.AddError($"{name} '{token}' is not supported; use {string.Join(", ", names)}");
            return fallback;
        },
    };

    private static async Task WriteAsync(CliHost host, ParseResult parse, ReviewReport report, ReviewOutput target, Uri? docs, CancellationToken cancellationToken)
    {
        var color = target.File is null && host.SupportsAnsi && !parse.GetValue(GlobalOptions.NoColor);
        var text = ReviewReporters.Render(target.Format, report, new ReporterOptions { Color = color, DocsBaseUrl = docs });
        if (target.File is null)
        {
            await host.Out.WriteAsync(text);
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target.File)!);
            await File.WriteAllTextAsync(target.File, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the {target.Format.Name()} report to {target.File}: {ex.Message}", ExitCodes.Runtime);
        }

        await host.Error.WriteLineAsync($"dbx: wrote the {target.Format.Name()} report to {Path.GetRelativePath(host.WorkingDirectory, target.File)}");
    }

    private static Uri? DocsUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var withSlash = text.EndsWith('/') ? text : text + "/";
        return Uri.TryCreate(withSlash, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new CliException($"--docs-url {text} is not an http(s) URL; give where dbx's docs/ folder is published, e.g. https://github.com/ORG/REPO/blob/main/docs/");
    }

    /// <summary><c>review.seed</c> in the project's .dbx.yaml, used when <c>--seed</c> is not given.</summary>
    private static string? ConfiguredSeed(string path, string workingDirectory)
    {
        try
        {
            return Migrations.Config.LintConfigLoader.Discover(Path.GetFullPath(path, workingDirectory)).ReviewSeed;
        }
        catch (Migrations.Config.LintConfigException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static string? Seed(string? path, string workingDirectory)
    {
        if (path is null)
        {
            return null;
        }

        var full = Path.GetFullPath(path, workingDirectory);
        return File.Exists(full) ? full : throw new CliException($"--seed {path}: no such file");
    }
}
