using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Drizzle.Internal;

namespace DatabaseExpert.Migrations.Sources.Drizzle;

/// <summary>
/// A Drizzle project as its config describes it: where the migrations are (<c>out</c>), the schema files, the dialect and
/// the table <c>migrate</c> records applied migrations in. Read from the config's text, without running it.
/// </summary>
/// <param name="Root">The folder drizzle-kit runs in: the config's folder (paths in the config are relative to it).</param>
/// <param name="ConfigPath">drizzle.config.*, or null when only an out folder was found.</param>
/// <param name="OutPath">The migrations folder, as a full path.</param>
public sealed record DrizzleProject(string Root, string? ConfigPath, string OutPath)
{
    /// <summary>The names drizzle-kit looks for (ts, js, json by default) and the module variants people use.</summary>
    public static IReadOnlyList<string> ConfigFileNames { get; } =
        ["drizzle.config.ts", "drizzle.config.js", "drizzle.config.json", "drizzle.config.mjs", "drizzle.config.cjs", "drizzle.config.mts"];

    /// <summary>The <c>schema</c> setting: files, folders or globs relative to <see cref="Root"/>.</summary>
    public IReadOnlyList<string> Schema { get; init; } = [];

    public string? Dialect { get; init; }

    public string MigrationsTable { get; init; } = "__drizzle_migrations";

    public string MigrationsSchema { get; init; } = "drizzle";

    public DrizzleLayout Layout { get; init; }

    /// <summary>What was assumed or could not be read while loading.</summary>
    public IReadOnlyList<SourceNote> Notes { get; init; } = [];

    /// <summary>
    /// Loads the project from its folder, its config file, its out folder (the config is then looked for one and two
    /// levels up) or a migration file inside the out folder.
    /// </summary>
    /// <param name="path">A folder or file of the project.</param>
    /// <param name="displayRoot">Folder that note paths are relative to; null: the project root.</param>
    /// <exception cref="MigrationSourceException">Nothing Drizzle-like is there, or the config is malformed JSON.</exception>
    public static DrizzleProject Load(string path, string? displayRoot = null) => DrizzleProjectLoader.Load(path, displayRoot);

    /// <summary>The config drizzle-kit would pick in <paramref name="directory"/>, or null.</summary>
    public static string? FindConfig(string directory) =>
        ConfigFileNames.Select(n => System.IO.Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    /// <summary>Whether <paramref name="directory"/> is a Drizzle out folder (a journal, or 1.0-style migration folders).</summary>
    public static bool IsOutFolder(string directory) =>
        File.Exists(System.IO.Path.Combine(directory, "meta", "_journal.json")) || FolderMigrations(directory).Any();

    /// <summary>The 1.0 layout's migration folders: subfolders holding migration.sql and snapshot.json.</summary>
    internal static IEnumerable<string> FolderMigrations(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateDirectories(directory).Where(d =>
                File.Exists(System.IO.Path.Combine(d, "migration.sql")) && File.Exists(System.IO.Path.Combine(d, "snapshot.json")))
            : [];
}
