using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Config;

/// <summary>
/// The <c>lint:</c> section of <c>.dbx.yaml</c> (or of agent.yaml). Unset values leave the command line and the
/// defaults in charge.
/// </summary>
public sealed record LintConfig
{
    public static LintConfig Empty { get; } = new();

    /// <summary>The file the configuration came from (null: none).</summary>
    public string? Source { get; init; }

    /// <summary>The folder <see cref="ExcludedPaths"/> are relative to: the configuration file's folder.</summary>
    public string? BaseDirectory { get; init; }

    public int? PgVersion { get; init; }

    /// <summary><c>review.seed</c>: an absolute path to SQL that fills tables before tracing, so scans and rewrites are real.</summary>
    public string? ReviewSeed { get; init; }

    public bool? AssumeInTransaction { get; init; }

    /// <summary>Rule ids (aliases expanded) that never report.</summary>
    public IReadOnlySet<string> ExcludedRules { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Globs of migration files not to lint (<c>**</c>, <c>*</c>, <c>?</c>; a glob without '/' matches file names).</summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];

    /// <summary>Per-rule severity; a null value turns the rule off.</summary>
    public IReadOnlyDictionary<string, Severity?> Severities { get; init; } = new Dictionary<string, Severity?>(StringComparer.Ordinal);

    /// <summary>The severity a rule reports with, or null when it is off.</summary>
    public Severity? SeverityOf(string rule, Severity reported) =>
        ExcludedRules.Contains(rule) ? null : Severities.TryGetValue(rule, out var configured) ? configured : reported;

    public bool IsExcluded(string path) =>
        ExcludedPaths.Count > 0 && Internal.Glob.MatchesAny(ExcludedPaths, BaseDirectory is null ? path : Path.GetRelativePath(BaseDirectory, path));
}

/// <summary>A configuration file that cannot be used: the message says where (file:line:col) and how to fix it.</summary>
public sealed class LintConfigException(string message) : Exception(message);
