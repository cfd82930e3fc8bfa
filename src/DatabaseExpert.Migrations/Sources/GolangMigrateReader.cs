using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>
/// golang-migrate: <c>&lt;version&gt;_&lt;title&gt;.up.sql</c> in numeric version order (source/parse.go); .down.sql files are
/// not applied going forward. Its postgres driver sends a whole file in one ExecContext (database/postgres/postgres.go
/// Run), so PostgreSQL's implicit transaction applies, unless the URL sets x-multi-statement=true.
/// </summary>
internal sealed partial class GolangMigrateReader : IMigrationReader
{
    public MigrationFormat Format => MigrationFormat.GolangMigrate;

    public string LooksFor => "<version>_<title>.up.sql files in ., migrations/ or db/migrations/ (golang-migrate)";

    public SourceDetection? DetectFolder(string directory) =>
        MigrationsFolder(directory) is { } folder
            ? new SourceDetection(Format, directory, $"*.up.sql files in {Path.GetRelativePath(directory, folder)}")
            : null;

    public SourceDetection? DetectFile(string file) =>
        MigrationName().Match(Path.GetFileName(file)) is { Success: true } match && match.Groups[3].Value == "up"
            ? new SourceDetection(Format, Path.GetDirectoryName(file)!, "a golang-migrate file name") { SelectedFile = file }
            : null;

    public MigrationSet Read(SourceDetection detection, SourceReadContext context)
    {
        var folder = detection.SelectedFile is null ? MigrationsFolder(detection.Root) ?? detection.Root : null;
        var candidates = detection.SelectedFile is { } selected ? [selected] : SourceReadContext.SqlFilesIn(folder!).ToList();
        var ups = new List<(string Version, string File)>();
        var downs = 0;
        foreach (var file in candidates)
        {
            var match = MigrationName().Match(Path.GetFileName(file));
            if (!match.Success)
            {
                context.Note(Severity.Info, $"{context.Display(file)} is not named <version>_<title>.up.sql: golang-migrate ignores it.", file);
            }
            else if (match.Groups[3].Value == "down")
            {
                downs++;
            }
            else
            {
                ups.Add((match.Groups[1].Value, file));
            }
        }

        if (downs > 0)
        {
            context.Note(Severity.Info, $"{downs} .down.sql file(s) not read: dbx reviews what `migrate up` applies.");
        }

        var ordered = ups.OrderBy(u => u.Version, NaturalOrder.Instance).ToList();
        foreach (var duplicate in ordered.GroupBy(u => u.Version.TrimStart('0'), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            context.Note(Severity.Error,
                $"Version {duplicate.First().Version} has more than one up file ({string.Join(", ", duplicate.Select(d => context.Display(d.File)))}): " +
                "golang-migrate stops with a duplicate migration error. Renumber one of them.");
        }

        return context.Result(Format, [.. ordered.Select(u => Migration(u.Version, u.File, context))]);
    }

    private MigrationFile Migration(string version, string file, SourceReadContext context)
    {
        var text = SourceReadContext.ReadText(file);
        var (inTransaction, note) = ImplicitTransaction.For("golang-migrate's postgres driver", text);
        return new MigrationFile(file, context.Display(file), version, text, Format, inTransaction)
        {
            TransactionNote = note + " (unless the database URL sets x-multi-statement=true: then each statement runs on its own)",
        };
    }

    private static string? MigrationsFolder(string directory) =>
        new[] { directory, Path.Combine(directory, "migrations"), Path.Combine(directory, "db", "migrations") }
            .FirstOrDefault(d => Directory.Exists(d)
                && SourceReadContext.SqlFilesIn(d).Any(f => MigrationName().Match(Path.GetFileName(f)) is { Success: true } m && m.Groups[3].Value == "up"));

    [GeneratedRegex(@"^([0-9]+)_(.*)\.(up|down)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationName();
}
