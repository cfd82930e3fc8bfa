using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>Plain .sql files: a folder's files in natural name order (<c>2_x.sql</c> before <c>10_x.sql</c>), or one file.</summary>
internal sealed class PlainSqlReader : IMigrationReader
{
    public MigrationFormat Format => MigrationFormat.PlainSql;

    public string LooksFor => ".sql files directly in the folder (plain SQL, applied in natural name order)";

    public SourceDetection? DetectFolder(string directory) =>
        SourceReadContext.SqlFilesIn(directory).Any() ? new SourceDetection(Format, directory, ".sql files") : null;

    public SourceDetection? DetectFile(string file) =>
        file.EndsWith(".sql", StringComparison.OrdinalIgnoreCase)
            ? new SourceDetection(Format, Path.GetDirectoryName(file)!, "a .sql file") { SelectedFile = file }
            : null;

    public MigrationSet Read(SourceDetection detection, SourceReadContext context)
    {
        var files = detection.SelectedFile is { } selected
            ? [selected]
            : SourceReadContext.SqlFilesIn(detection.Root).Order(FileNameOrder.Instance).ToList();
        if (detection.SelectedFile is null)
        {
            NoteNestedFiles(detection.Root, context);
        }

        return context.Result(Format, [.. files.Select(f => ReadFile(f, context))]);
    }

    /// <summary>Reads one file as plain SQL (also the fallback for a file that its tool would not apply).</summary>
    public static MigrationFile ReadFile(string file, SourceReadContext context)
    {
        var inTransaction = context.Options.PlainSqlInTransaction;
        return new MigrationFile(
            file, context.Display(file), Path.GetFileNameWithoutExtension(file), SourceReadContext.ReadText(file),
            MigrationFormat.PlainSql, inTransaction)
        {
            TransactionNote = inTransaction
                ? "plain SQL, configured to run in one transaction per file (like psql -1)"
                : "plain SQL run like psql -f: each statement commits on its own unless the file has its own BEGIN … COMMIT",
        };
    }

    private static void NoteNestedFiles(string root, SourceReadContext context)
    {
        var nested = Directory.EnumerateDirectories(root)
            .Where(d => SourceReadContext.SqlFilesIn(d).Any())
            .Select(d => context.Display(d))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (nested.Count > 0)
        {
            context.Note(Severity.Info, $"Subfolders with .sql files were not read: {string.Join(", ", nested)}. Pass them as paths to include them.");
        }
    }

    private sealed class FileNameOrder : IComparer<string>
    {
        public static readonly FileNameOrder Instance = new();

        public int Compare(string? x, string? y) => NaturalOrder.Instance.Compare(Path.GetFileName(x), Path.GetFileName(y));
    }
}
