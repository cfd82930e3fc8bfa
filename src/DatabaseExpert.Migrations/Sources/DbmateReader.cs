using System.Text.RegularExpressions;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources;

/// <summary>
/// dbmate: <c>db/migrations/&lt;version&gt;_&lt;name&gt;.sql</c> in file-name order, each with <c>-- migrate:up</c> and
/// <c>-- migrate:down</c> sections (several pairs allowed). Only the up blocks are read, each as one migration whose
/// <see cref="MigrationFile.FirstLine"/> is its directive's line. dbmate runs an up block inside BEGIN … COMMIT unless
/// the directive says <c>transaction:false</c> (pkg/dbmate/migration.go, db.go Migrate).
/// </summary>
internal sealed partial class DbmateReader : IMigrationReader
{
    public MigrationFormat Format => MigrationFormat.Dbmate;

    public string LooksFor => "db/migrations/<version>_<name>.sql files with -- migrate:up sections (dbmate)";

    public SourceDetection? DetectFolder(string directory) =>
        MigrationsFolder(directory) is { } folder
            ? new SourceDetection(Format, directory, $"-- migrate:up files in {Path.GetRelativePath(directory, folder)}")
            : null;

    public SourceDetection? DetectFile(string file) =>
        IsDbmateFile(file)
            ? new SourceDetection(Format, Path.GetDirectoryName(file)!, "a -- migrate:up section") { SelectedFile = file }
            : null;

    public MigrationSet Read(SourceDetection detection, SourceReadContext context)
    {
        var candidates = detection.SelectedFile is { } selected
            ? [selected]
            : SourceReadContext.SqlFilesIn(MigrationsFolder(detection.Root) ?? detection.Root)
                .Where(f => FileName().IsMatch(Path.GetFileName(f)))
                .Order(StringComparer.Ordinal)
                .ToList();
        var files = new List<MigrationFile>();
        foreach (var file in candidates)
        {
            files.AddRange(Sections(file, context));
        }

        return context.Result(Format, files);
    }

    private IEnumerable<MigrationFile> Sections(string file, SourceReadContext context)
    {
        var text = SourceReadContext.ReadText(file);
        var ups = UpDirective().Matches(text);
        if (ups.Count == 0)
        {
            context.Note(Severity.Error, $"{context.Display(file)} has no `-- migrate:up` line: dbmate stops on it.", file);
            yield break;
        }

        if (text[..ups[0].Index].Split('\n').Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
        {
            context.Note(Severity.Warning,
                $"{context.Display(file)} has statements before `-- migrate:up`: dbmate refuses such a file.", file, 1);
        }

        var version = FileName().Match(Path.GetFileName(file)).Groups[1].Value;
        for (var i = 0; i < ups.Count; i++)
        {
            var end = i + 1 < ups.Count ? ups[i + 1].Index : text.Length;
            var section = text[ups[i].Index..end];
            var firstLine = text.AsSpan(0, ups[i].Index).Count('\n') + 1;
            var down = DownDirective().Match(section);
            if (!down.Success)
            {
                context.Note(Severity.Warning,
                    $"{context.Display(file)}:{firstLine}: the up block has no `-- migrate:down` after it: dbmate refuses the file.", file, firstLine);
            }

            var up = down.Success ? section[..down.Index] : section;
            var (inTransaction, note) = Options(up).GetValueOrDefault("transaction") == "false"
                ? ImplicitTransaction.For("dbmate (transaction:false)", up)
                : (true, "dbmate runs the up block inside BEGIN … COMMIT");
            var id = ups.Count == 1 ? version : $"{version}#{i + 1}";
            yield return new MigrationFile(file, context.Display(file), id, up, Format, inTransaction)
            {
                FirstLine = firstLine,
                TransactionNote = note,
            };
        }
    }

    /// <summary>The <c>key:value</c> options after <c>-- migrate:up</c> on the directive's line.</summary>
    private static Dictionary<string, string> Options(string block)
    {
        var directive = block.Split('\n', 2)[0];
        var words = directive[(directive.IndexOf("migrate:up", StringComparison.Ordinal) + "migrate:up".Length)..]
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Select(w => w.Split(':')).Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
    }

    private static string? MigrationsFolder(string directory) =>
        new[] { Path.Combine(directory, "db", "migrations"), directory }
            .FirstOrDefault(d => Directory.Exists(d) && SourceReadContext.SqlFilesIn(d).Any(IsDbmateFile));

    private static bool IsDbmateFile(string file) =>
        FileName().IsMatch(Path.GetFileName(file)) && UpDirective().IsMatch(SourceReadContext.ReadText(file));

    [GeneratedRegex(@"^([0-9]+).*\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^--\s*migrate:up(\s*$|\s+\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex UpDirective();

    [GeneratedRegex(@"^--\s*migrate:down(\s*$|\s+\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DownDirective();
}
