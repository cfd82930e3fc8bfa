using DatabaseExpert.Migrations.Analysis;
using DatabaseExpert.Migrations.Analysis.Statements;
using DatabaseExpert.Migrations.Config;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Lint.Internal;

/// <summary>Lints one file: parse, classify, run the rules statement by statement, apply ignores and severities.</summary>
internal static class FileLinter
{
    public sealed record Outcome(IReadOnlyList<Finding> Findings, int Statements, int NotAnalysed);

    /// <summary>Reads a file only for the schema it leaves behind (an excluded file).</summary>
    public static void Replay(MigrationFile file, KnownSchema schema, AnalysisSettings settings)
    {
        var script = SqlScript.Parse(file.Text, file.DisplayPath);
        var migration = new MigrationContext(file, schema, settings) { StatementCount = script.Statements.Count };
        foreach (var statement in script.Statements)
        {
            migration.Advance(StatementClassifier.Classify(statement));
        }
    }

    public static Outcome Lint(MigrationFile file, KnownSchema schema, AnalysisSettings settings, LintOptions options)
    {
        var script = SqlScript.Parse(file.Text, file.DisplayPath);
        var migration = new MigrationContext(file, schema, settings) { StatementCount = script.Statements.Count };
        var reports = new List<RuleReport>();
        var fileIgnores = new List<IgnoreDirective>();
        var ignored = new List<(SqlStatement Statement, IgnoreDirective Directive)>();
        foreach (var token in script.Tokens)
        {
            if (token.IsComment && IgnoreComments.Parse(token) is { WholeFile: true } directive)
            {
                fileIgnores.Add(directive);
            }
        }

        var notAnalysed = 0;
        foreach (var token in script.MetaCommands)
        {
            reports.Add(Meta(RuleCatalog.NotAnalysed, token.Start, $"psql meta-command {token.Text.Split(' ', 2)[0]} skipped: dbx lints SQL only",
                "Meta-commands run in psql, not on the server; nothing to change if this file is applied with psql.", null));
        }

        foreach (var error in script.Errors)
        {
            reports.Add(Meta(RuleCatalog.SyntaxError, error.Position, error.Message,
                "Close the string, comment or dollar quote; the server would reject the file here.", null));
        }

        foreach (var statement in script.Statements)
        {
            foreach (var comment in statement.LeadingComments)
            {
                if (IgnoreComments.Parse(comment) is { WholeFile: false } directive)
                {
                    ignored.Add((statement, directive));
                }
            }

            var analyzed = StatementClassifier.Classify(statement);
            switch (analyzed)
            {
                case UnparsedStatement unparsed:
                    notAnalysed++;
                    reports.Add(Meta(RuleCatalog.NotAnalysed, unparsed.At,
                        $"{statement.Keywords} could not be read ({unparsed.Reason}); no rule checked this statement",
                        "If the SQL is valid PostgreSQL, please report it; check it by hand meanwhile (or with dbx trace).", statement));
                    break;
                case OpaqueStatement opaque:
                    notAnalysed++;
                    reports.Add(Meta(RuleCatalog.NotAnalysed, statement.Start, $"{opaque.Reason}; no rule checked it",
                        "Check the statements inside by hand, or run dbx trace, which measures what they lock.", statement));
                    break;
                default:
                    RunRules(analyzed, migration, options, reports, ref notAnalysed);
                    break;
            }

            migration.Advance(analyzed);
        }

        foreach (var rule in options.Rules.OfType<IEndOfFileRule>())
        {
            rule.CheckEnd(new EndOfFileContext(migration, rule, reports));
        }

        var findings = new List<Finding>(reports.Count);
        foreach (var report in reports)
        {
            if (Suppressed(report, fileIgnores, ignored))
            {
                continue;
            }

            var declared = report.Severity ?? RuleCatalog.Find(report.Rule)?.DefaultSeverity ?? Severity.Warning;
            if (options.Config.SeverityOf(report.Rule, declared) is { } severity)
            {
                findings.Add(ToFinding(file, report, severity));
            }
        }

        foreach (var unknown in fileIgnores.Concat(ignored.Select(i => i.Directive)).SelectMany(d => d.Unknown))
        {
            var message = $"dbx-ignore names `{unknown.Name}`, which is not a rule" + (unknown.Suggestion is { } s ? $" (did you mean `{s}`?)" : string.Empty);
            var report = Meta(RuleCatalog.UnknownRuleInIgnore, unknown.Position, message, "Use a rule id from docs/rules/README.md.", null);
            if (options.Config.SeverityOf(report.Rule, RuleCatalog.UnknownRuleInIgnore.DefaultSeverity) is { } severity)
            {
                findings.Add(ToFinding(file, report, severity));
            }
        }

        findings.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line)
            : a.Column != b.Column ? a.Column.CompareTo(b.Column) : string.CompareOrdinal(a.Rule, b.Rule));
        return new Outcome(findings, script.Statements.Count, notAnalysed);
    }

    private static void RunRules(AnalyzedStatement analyzed, MigrationContext migration, LintOptions options, List<RuleReport> reports, ref int notAnalysed)
    {
        foreach (var rule in options.Rules)
        {
            if (rule is not IMigrationRule statementRule)
            {
                continue;
            }

            try
            {
                statementRule.Check(new RuleContext(analyzed, migration, rule, reports));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug in one rule must not stop the run: the statement is reported, the other rules go on.
                notAnalysed++;
                reports.Add(Meta(RuleCatalog.NotAnalysed, analyzed.Position,
                    $"rule {rule.Info.Id} failed on this statement ({ex.GetType().Name}: {ex.Message}); it was not checked by that rule",
                    "Please report it with the statement; check this statement by hand meanwhile.", analyzed.Sql));
            }
        }
    }

    private static bool Suppressed(RuleReport report, List<IgnoreDirective> fileIgnores, List<(SqlStatement Statement, IgnoreDirective Directive)> ignored) =>
        fileIgnores.Any(d => d.Covers(report.Rule))
        || report.Statement is { } statement && ignored.Any(i => ReferenceEquals(i.Statement, statement) && i.Directive.Covers(report.Rule));

    private static RuleReport Meta(Rules.RuleInfo rule, SqlPosition at, string message, string help, SqlStatement? statement) =>
        new(rule.Id, at, message, help, null, null, statement);

    private static Finding ToFinding(MigrationFile file, RuleReport report, Severity severity)
    {
        var shift = file.FirstLine - 1;
        return new Finding(report.Rule, severity, file.DisplayPath, report.At.Line + shift, report.At.Column, report.Message, report.Help)
        {
            Origin = report.Rule is "not-analysed" or "syntax-error" or "unknown-rule-in-ignore" ? FindingOrigin.Analysis : FindingOrigin.Lint,
            Sql = report.Statement?.Text,
            SafeRewrite = report.SafeRewrite,
            EndLine = report.Statement is { } statement ? statement.End.Line + shift : null,
        };
    }
}
