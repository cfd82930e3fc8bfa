using System.Text.Json.Nodes;

namespace DatabaseExpert.Testing.Git;

/// <summary>
/// examples/shop inside a <see cref="TempGitRepository"/>, with only its first migrations: the journal lists them, and the
/// later .sql files and snapshots are absent, as they were before those migrations were generated. <see cref="ShowUpTo"/>
/// brings later ones in, the way drizzle-kit generate would.
/// </summary>
public static class ShopRepository
{
    /// <summary>The repository's examples/shop (found above the test binaries).</summary>
    public static string Source { get; } = Path.Combine(RepositoryPaths.Root, "examples", "shop");

    /// <summary>All migration tags of the example, in journal order.</summary>
    public static IReadOnlyList<string> Tags { get; } = [.. Journal()["entries"]!.AsArray().Select(e => e!["tag"]!.GetValue<string>())];

    /// <summary>Copies the example (without node_modules) to <paramref name="folder"/> of the repository, with its first <paramref name="migrations"/> migrations.</summary>
    public static void Write(TempGitRepository repository, string folder, int migrations)
    {
        ArgumentNullException.ThrowIfNull(repository);
        foreach (var file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Source, file).Replace('\\', '/');
            if (!relative.StartsWith("node_modules/", StringComparison.Ordinal) && !relative.StartsWith("drizzle/", StringComparison.Ordinal))
            {
                repository.Write($"{folder}/{relative}", File.ReadAllText(file));
            }
        }

        ShowUpTo(repository, folder, migrations);
    }

    /// <summary>Makes the first <paramref name="migrations"/> migrations (sql, snapshot, journal entry) present, and no others.</summary>
    public static void ShowUpTo(TempGitRepository repository, string folder, int migrations)
    {
        ArgumentNullException.ThrowIfNull(repository);
        for (var i = 0; i < Tags.Count; i++)
        {
            var tag = Tags[i];
            (string Relative, string Source)[] files =
            [
                ($"drizzle/{tag}.sql", Path.Combine(Source, "drizzle", $"{tag}.sql")),
                ($"drizzle/meta/{tag[..4]}_snapshot.json", Path.Combine(Source, "drizzle", "meta", $"{tag[..4]}_snapshot.json")),
            ];
            foreach (var (relative, source) in files)
            {
                var target = repository.PathOf($"{folder}/{relative}");
                if (i < migrations)
                {
                    repository.Write($"{folder}/{relative}", File.ReadAllText(source));
                }
                else if (File.Exists(target))
                {
                    File.Delete(target);
                }
            }
        }

        var journal = Journal();
        var entries = journal["entries"]!.AsArray();
        while (entries.Count > migrations)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        repository.Write($"{folder}/drizzle/meta/_journal.json", journal.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static JsonNode Journal() => JsonNode.Parse(File.ReadAllText(Path.Combine(Source, "drizzle", "meta", "_journal.json")))!;

}
