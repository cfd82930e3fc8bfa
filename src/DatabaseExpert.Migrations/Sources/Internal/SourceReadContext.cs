using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Postgres.Sql;

namespace DatabaseExpert.Migrations.Sources.Internal;

/// <summary>What every reader needs while it reads one project: options, display paths and the notes it collects.</summary>
internal sealed class SourceReadContext(string root, MigrationSourceOptions options)
{
    private readonly List<SourceNote> _notes = [];

    public string Root { get; } = root;

    public MigrationSourceOptions Options { get; } = options;

    public IReadOnlyList<SourceNote> Notes => _notes;

    /// <summary>The path as findings show it: relative to the display root, with forward slashes.</summary>
    public string Display(string path)
    {
        var relative = System.IO.Path.GetRelativePath(Options.DisplayRoot ?? Root, path);
        return relative.Replace(System.IO.Path.DirectorySeparatorChar, '/');
    }

    public void Note(Severity severity, string message, string? path = null, int line = 0) =>
        _notes.Add(new SourceNote(severity, message, path is null ? null : Display(path), line));

    public void Add(IEnumerable<SourceNote> notes) => _notes.AddRange(notes);

    public void Problem(string rule, Severity severity, string message, string help, string path, int line = 0) =>
        _notes.Add(new SourceNote(severity, message, Display(path), line) { Rule = rule, Help = help });

    public MigrationSet Result(MigrationFormat format, IReadOnlyList<MigrationFile> files) => new(format, Root, files, [.. _notes]);

    public static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MigrationSourceException($"Cannot read {path}: {e.Message}. Check that the file exists and is readable.", path, 0, e);
        }
    }

    /// <summary>How many statements PostgreSQL would see in <paramref name="text"/> (what decides an implicit transaction).</summary>
    public static int StatementCount(string text) => SqlScript.Parse(text).Statements.Count;

    public static IEnumerable<string> SqlFilesIn(string directory) =>
        Directory.EnumerateFiles(directory).Where(f => f.EndsWith(".sql", StringComparison.OrdinalIgnoreCase));
}
