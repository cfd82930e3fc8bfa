namespace DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

/// <summary>A throwaway project folder on disk, written by the test that uses it.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Root = Directory.CreateTempSubdirectory("dbx-sources-").FullName;
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A Drizzle journal listing <paramref name="entries"/> in the given order.</summary>
    public string WriteJournal(string outFolder, params (string Tag, long When)[] entries)
    {
        var items = entries.Select((e, i) =>
            $$"""    { "idx": {{i}}, "version": "7", "when": {{e.When}}, "tag": "{{e.Tag}}", "breakpoints": true }""");
        return Write($"{outFolder}/meta/_journal.json",
            $"{{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"entries\": [\n{string.Join(",\n", items)}\n  ]\n}}\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}
