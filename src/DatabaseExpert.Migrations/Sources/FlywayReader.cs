using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Internal;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>
/// Flyway: <c>V&lt;version&gt;__&lt;description&gt;.sql</c> in version order, then <c>R__</c> repeatables by description,
/// from the configured locations (flyway.conf / flyway.toml) or the defaults (sql/, src/main/resources/db/migration,
/// db/migration). On PostgreSQL each migration runs in its own transaction unless it holds a statement PostgreSQL refuses
/// in one (flyway-database-postgresql PostgreSQLParser.detectCanExecuteInTransaction), or executeInTransaction=false.
/// </summary>
internal sealed partial class FlywayReader : IMigrationReader
{
    private static readonly string[] ConfigNames = ["flyway.conf", "flyway.toml", Path.Combine("conf", "flyway.conf")];
    private static readonly string[][] NonTransactional =
    [
        ["CREATE", "INDEX", "CONCURRENTLY"], ["CREATE", "UNIQUE", "INDEX", "CONCURRENTLY"], ["DROP", "INDEX", "CONCURRENTLY"],
        ["REINDEX", "SCHEMA"], ["REINDEX", "DATABASE"], ["REINDEX", "SYSTEM"], ["REINDEX", "VERBOSE", "SCHEMA"],
        ["REINDEX", "VERBOSE", "DATABASE"], ["REINDEX", "VERBOSE", "SYSTEM"], ["VACUUM"], ["DISCARD", "ALL"], ["ALTER", "SYSTEM"],
        ["CREATE", "DATABASE"], ["DROP", "DATABASE"], ["CREATE", "TABLESPACE"], ["DROP", "TABLESPACE"],
        ["CREATE", "SUBSCRIPTION"], ["DROP", "SUBSCRIPTION"],
    ];

    private static readonly string[] DefaultLocations = ["sql", Path.Combine("src", "main", "resources", "db", "migration"), Path.Combine("db", "migration")];

    public MigrationFormat Format => MigrationFormat.Flyway;

    public string LooksFor => "flyway.conf/flyway.toml, or V<version>__<name>.sql files in ., sql/, db/migration/ or src/main/resources/db/migration/ (Flyway)";

    public SourceDetection? DetectFolder(string directory)
    {
        var config = ConfigNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
        if (config is not null)
        {
            return new SourceDetection(Format, directory, Path.GetRelativePath(directory, config)) { ConfigFile = config };
        }

        var location = DefaultLocations.Select(l => Path.Combine(directory, l)).Prepend(directory)
            .FirstOrDefault(l => Directory.Exists(l) && Directory.EnumerateFiles(l, "*.sql", SearchOption.AllDirectories).Any(IsMigrationName));
        return location is null ? null : new SourceDetection(Format, directory, $"Flyway migrations in {Path.GetRelativePath(directory, location)}");
    }

    public SourceDetection? DetectFile(string file) =>
        Path.GetFileName(file) is "flyway.conf" or "flyway.toml"
            ? new SourceDetection(Format, Path.GetDirectoryName(file)!, Path.GetFileName(file)) { ConfigFile = file }
            : IsMigrationName(file) ? new SourceDetection(Format, Path.GetDirectoryName(file)!, "a Flyway migration name") { SelectedFile = file } : null;

    public MigrationSet Read(SourceDetection detection, SourceReadContext context)
    {
        var config = detection.ConfigFile is { } path ? SourceReadContext.ReadText(path) : "";
        var settings = new Settings(Flag(config, "executeInTransaction"), Flag(config, "mixed"), Flag(config, "group"));
        var versioned = new List<(FlywayVersion Version, string File)>();
        var repeatable = new List<(string Description, string File)>();
        var candidates = detection.SelectedFile is { } selected ? new[] { selected } : Files(detection.Root, config, context);
        foreach (var file in candidates)
        {
            var name = Path.GetFileName(file);
            if (Versioned().Match(name) is { Success: true } v)
            {
                versioned.Add((FlywayVersion.Parse(v.Groups[1].Value), file));
            }
            else if (Repeatable().Match(name) is { Success: true } r)
            {
                repeatable.Add((r.Groups[1].Value, file));
            }
            else if (Undo().IsMatch(name))
            {
                context.Note(Severity.Info, $"{context.Display(file)} is an undo migration: dbx reads versioned and repeatable ones only.", file);
            }
            else
            {
                context.Note(Severity.Info, $"{context.Display(file)} is not named V<version>__<description>.sql or R__<description>.sql: Flyway ignores it.", file);
            }
        }

        var ordered = versioned.OrderBy(m => m.Version).ThenBy(m => m.File, StringComparer.Ordinal).ToList();
        NoteDuplicates(ordered, context);
        var files = ordered.Select(m => Migration(m.File, m.Version.ToString(), settings, context))
            .Concat(repeatable.OrderBy(m => m.Description, StringComparer.Ordinal).Select(m => Migration(m.File, "R:" + m.Description, settings, context)));
        return context.Result(Format, [.. files]);
    }

    private static bool IsMigrationName(string file) =>
        Versioned().IsMatch(Path.GetFileName(file)) || Repeatable().IsMatch(Path.GetFileName(file));

    private static IEnumerable<string> Files(string root, string config, SourceReadContext context)
    {
        var locations = Locations(root, config, context);
        return locations.Where(Directory.Exists)
            .SelectMany(l => Directory.EnumerateFiles(l, "*.sql", SearchOption.AllDirectories))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>The configured locations (filesystem:x relative to the project, classpath:x under src/main/resources), else the defaults.</summary>
    private static List<string> Locations(string root, string config, SourceReadContext context)
    {
        var configured = LocationsSetting().Match(config);
        if (!configured.Success)
        {
            var defaults = DefaultLocations.Select(l => Path.Combine(root, l)).Where(Directory.Exists).ToList();
            return defaults.Count > 0 ? defaults : [root];
        }

        var locations = new List<string>();
        foreach (var item in configured.Groups[1].Value.Split(',').Select(i => i.Trim().Trim('"', '\'', ' ')).Where(i => i.Length > 0))
        {
            if (item.StartsWith("filesystem:", StringComparison.Ordinal))
            {
                locations.Add(Path.GetFullPath(Path.Combine(root, item["filesystem:".Length..])));
            }
            else if (item.StartsWith("classpath:", StringComparison.Ordinal) || !item.Contains(':', StringComparison.Ordinal))
            {
                var relative = item.StartsWith("classpath:", StringComparison.Ordinal) ? item["classpath:".Length..] : item;
                locations.Add(Path.GetFullPath(Path.Combine(root, "src", "main", "resources", relative.TrimStart('/'))));
            }
            else
            {
                context.Note(Severity.Info, $"Flyway location '{item}' is not on this file system: not read.");
            }
        }

        foreach (var missing in locations.Where(l => !Directory.Exists(l)))
        {
            context.Note(Severity.Warning, $"The Flyway location {context.Display(missing)} does not exist.");
        }

        return locations;
    }

    private static void NoteDuplicates(List<(FlywayVersion Version, string File)> ordered, SourceReadContext context)
    {
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version.CompareTo(ordered[i - 1].Version) == 0)
            {
                context.Note(Severity.Error,
                    $"{context.Display(ordered[i - 1].File)} and {context.Display(ordered[i].File)} have the same version " +
                    $"{ordered[i].Version}: Flyway refuses to migrate. Renumber one of them.", ordered[i].File);
            }
        }
    }

    private MigrationFile Migration(string file, string id, Settings settings, SourceReadContext context)
    {
        var text = SourceReadContext.ReadText(file);
        var (inTransaction, note) = Transaction(file, text, settings, context);
        return new MigrationFile(file, context.Display(file), id, text, Format, inTransaction) { TransactionNote = note };
    }

    private static (bool, string) Transaction(string file, string text, Settings settings, SourceReadContext context)
    {
        var scriptConfig = File.Exists(file + ".conf") ? SourceReadContext.ReadText(file + ".conf") : "";
        if (Flag(scriptConfig, "executeInTransaction") == false || ScriptComment().IsMatch(text))
        {
            return (false, "executeInTransaction=false for this script: Flyway runs each statement on its own");
        }

        if (settings.ExecuteInTransaction == false)
        {
            return (false, "flyway executeInTransaction=false: Flyway runs each statement on its own");
        }

        var statements = SqlScript.Parse(text).Statements;
        var outside = statements.FirstOrDefault(CannotRunInTransaction);
        if (outside is not null)
        {
            if (statements.Count > 1 && settings.Mixed != true)
            {
                context.Note(Severity.Warning,
                    $"{context.Display(file)} mixes `{outside.Keywords}` (which cannot run in a transaction) with other statements: " +
                    "Flyway refuses such a migration unless mixed=true. Move it to a migration of its own.", file, outside.Start.Line);
            }

            return (false, $"Flyway runs this migration without a transaction because of `{outside.Keywords}` (line {outside.Start.Line})");
        }

        return settings.Group == true
            ? (true, "flyway group=true: all pending migrations run in one transaction")
            : (true, "Flyway runs each versioned migration in its own transaction on PostgreSQL");
    }

    /// <summary>The statements Flyway's PostgreSQL parser runs outside a transaction (ALTER TYPE … ADD VALUE only before PostgreSQL 12).</summary>
    private static bool CannotRunInTransaction(SqlStatement statement) => NonTransactional.Any(words => statement.StartsWith(words));

    private static bool? Flag(string config, string key)
    {
        var match = Regex.Match(config, $@"^\s*(?:flyway\.)?{key}\s*=\s*(true|false)\s*$",
            RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value.Equals("true", StringComparison.OrdinalIgnoreCase) : null;
    }

    private sealed record Settings(bool? ExecuteInTransaction, bool? Mixed, bool? Group);

    [GeneratedRegex(@"^V([0-9][0-9._]*?)__(.+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex Versioned();

    [GeneratedRegex(@"^R__(.+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex Repeatable();

    [GeneratedRegex(@"^U[0-9][0-9._]*?__.+\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex Undo();

    [GeneratedRegex(@"^\s*(?:flyway\.)?locations\s*=\s*\[?([^\]\r\n]*)\]?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LocationsSetting();

    [GeneratedRegex(@"^\s*--\s*flyway:executeInTransaction\s*=\s*false\b", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptComment();
}
