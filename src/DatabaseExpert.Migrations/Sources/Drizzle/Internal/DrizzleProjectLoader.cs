using System.Text.Json;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources.Internal;

namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

/// <summary>Finds a Drizzle project from any path in it and reads its config's settings statically.</summary>
internal static class DrizzleProjectLoader
{
    private const string DefaultOut = "drizzle";

    public static DrizzleProject Load(string path, string? displayRoot)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return DrizzleProject.ConfigFileNames.Contains(Path.GetFileName(full), StringComparer.Ordinal) || !IsSql(full)
                ? FromConfig(full, displayRoot)
                : Load(Path.GetDirectoryName(full)!, displayRoot);
        }

        if (!Directory.Exists(full))
        {
            throw new MigrationSourceException($"{full} does not exist. Pass the folder that holds drizzle.config.ts.", full);
        }

        if (DrizzleProject.FindConfig(full) is { } config)
        {
            return FromConfig(config, displayRoot);
        }

        if (!DrizzleProject.IsOutFolder(full))
        {
            throw new MigrationSourceException(
                $"{full} has no {string.Join(", ", DrizzleProject.ConfigFileNames)} and is not a Drizzle migrations folder " +
                "(no meta/_journal.json, no <timestamp>_<name>/migration.sql folders). Pass the folder that holds drizzle.config.ts.",
                full);
        }

        return FromOutFolder(full, displayRoot);
    }

    private static bool IsSql(string file) => file.EndsWith(".sql", StringComparison.OrdinalIgnoreCase);

    /// <summary>An out folder given directly: use the config one or two levels up when its <c>out</c> points here.</summary>
    private static DrizzleProject FromOutFolder(string outFolder, string? displayRoot)
    {
        var parent = Path.GetDirectoryName(outFolder);
        foreach (var candidate in new[] { parent, parent is null ? null : Path.GetDirectoryName(parent) })
        {
            if (candidate is not null && DrizzleProject.FindConfig(candidate) is { } config
                && FromConfig(config, displayRoot) is var project && SamePath(project.OutPath, outFolder))
            {
                return project;
            }
        }

        var root = parent ?? outFolder;
        var notes = Notes(root, displayRoot);
        notes.Note(Severity.Info,
            $"No drizzle.config.* points at {notes.Display(outFolder)}: read it as a Drizzle migrations folder with the default " +
            "migrations table drizzle.__drizzle_migrations.");
        return new DrizzleProject(root, null, outFolder) { Layout = LayoutOf(outFolder), Notes = notes.Notes };
    }

    private static DrizzleProject FromConfig(string configPath, string? displayRoot)
    {
        var root = Path.GetDirectoryName(configPath)!;
        var notes = Notes(root, displayRoot);
        var settings = configPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonSettings(configPath)
            : ScriptSettings(configPath, notes);

        var outSetting = Setting(settings, "out", DefaultOut, configPath, notes);
        var dialect = Setting(settings, "dialect", null, configPath, notes);
        if (dialect is not null && !dialect.Equals("postgresql", StringComparison.Ordinal))
        {
            notes.Note(Severity.Warning, $"The config sets dialect '{dialect}': dbx analyses PostgreSQL migrations only.", configPath);
        }

        var migrations = settings?["migrations"]?.Object;
        var outPath = Path.GetFullPath(Path.Combine(root, outSetting!));
        return new DrizzleProject(root, configPath, outPath)
        {
            Schema = SchemaSetting(settings?["schema"]),
            Dialect = dialect,
            MigrationsTable = Setting(migrations, "table", "__drizzle_migrations", configPath, notes)!,
            MigrationsSchema = Setting(migrations, "schema", "drizzle", configPath, notes)!,
            Layout = LayoutOf(outPath),
            Notes = notes.Notes,
        };
    }

    private static ConfigObject? ScriptSettings(string configPath, SourceReadContext notes)
    {
        var settings = ConfigObjectReader.Read(SourceReadContext.ReadText(configPath));
        if (settings is null)
        {
            notes.Note(Severity.Warning,
                $"dbx could not find the exported config object in {notes.Display(configPath)} without running it: assumed out " +
                $"'./{DefaultOut}'. The drift check runs drizzle-kit, which reads the real settings.", configPath);
        }
        else if (settings.Spreads.Count > 0 && settings["out"] is null)
        {
            notes.Note(Severity.Warning,
                $"{notes.Display(configPath)} spreads {string.Join(", ", settings.Spreads)}: settings made there were not read " +
                $"(assumed out './{DefaultOut}').", configPath);
        }

        return settings;
    }

    private static ConfigObject JsonSettings(string configPath)
    {
        try
        {
            using var document = JsonDocument.Parse(SourceReadContext.ReadText(configPath));
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? FromJson(document.RootElement)
                : throw new MigrationSourceException($"{configPath}: the config must be a JSON object.", configPath, 1);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            throw new MigrationSourceException($"{configPath}:{line}: not valid JSON ({e.Message}). Fix the file.", configPath, line, e);
        }
    }

    private static ConfigObject FromJson(JsonElement element)
    {
        var properties = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var raw = value.GetRawText();
            properties[property.Name] = value.ValueKind switch
            {
                JsonValueKind.String => new ConfigValue(ConfigValueKind.String, raw, 0) { Text = value.GetString() },
                JsonValueKind.Object => new ConfigValue(ConfigValueKind.Object, raw, 0) { Object = FromJson(value) },
                JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
                    new ConfigValue(ConfigValueKind.StringList, raw, 0) { Items = [.. value.EnumerateArray().Select(v => v.GetString()!)] },
                JsonValueKind.True or JsonValueKind.False => new ConfigValue(ConfigValueKind.Boolean, raw, 0) { Text = raw },
                JsonValueKind.Number => new ConfigValue(ConfigValueKind.Number, raw, 0) { Text = raw },
                _ => new ConfigValue(ConfigValueKind.Expression, raw, 0),
            };
        }

        return new ConfigObject(properties, []);
    }

    /// <summary>A string setting: the literal, else a fallback literal or the default, with a note saying what was assumed.</summary>
    private static string? Setting(ConfigObject? settings, string key, string? fallback, string configPath, SourceReadContext notes)
    {
        var value = settings?[key];
        switch (value)
        {
            case null:
                return fallback;
            case { Kind: ConfigValueKind.String }:
                return value.Text;
            case { Fallback: { } literal }:
                notes.Note(Severity.Info, $"`{key}` is computed (`{value.Raw}`); dbx assumed '{literal}'.", configPath, value.Line);
                return literal;
            default:
                var assumed = fallback is null ? "it is unset" : $"'{fallback}'";
                notes.Note(Severity.Warning,
                    $"`{key}` is computed at run time (`{value.Raw}`); dbx assumed {assumed}. " +
                    "Write it as a string literal for dbx to read it.", configPath, value.Line);
                return fallback;
        }
    }

    private static IReadOnlyList<string> SchemaSetting(ConfigValue? value) => value switch
    {
        { Kind: ConfigValueKind.String, Text: { } text } => [text],
        { Kind: ConfigValueKind.StringList } => value.Items,
        { Fallback: { } literal } => [literal],
        _ => [],
    };

    private static DrizzleLayout LayoutOf(string outPath) =>
        !File.Exists(Path.Combine(outPath, "meta", "_journal.json")) && DrizzleProject.FolderMigrations(outPath).Any()
            ? DrizzleLayout.FolderPerMigration
            : DrizzleLayout.Journal;

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    private static SourceReadContext Notes(string root, string? displayRoot) =>
        new(root, new MigrationSourceOptions { DisplayRoot = displayRoot });
}
