using System.Text.Json;

namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

/// <summary>The project's drizzle-kit: its version and the script its <c>drizzle-kit</c> bin runs.</summary>
internal sealed record DrizzleKitPackage(string Version, string BinPath)
{
    /// <summary>drizzle-kit 0.21 introduced the <c>dialect</c> config and the plain <c>generate</c>/<c>check</c> commands.</summary>
    public bool SupportsDialectCommands =>
        Version.Split('.') is [var major, var minor, ..] && int.TryParse(major, out var ma) && int.TryParse(minor, out var mi)
        && (ma > 0 || mi >= 21);
}

/// <summary>Finds node on PATH and the drizzle-kit a project would run (node's module resolution: node_modules upwards).</summary>
internal static class NodeTools
{
    public static string? FindNode(string? configured)
    {
        if (configured is not null)
        {
            return File.Exists(configured) ? configured : null;
        }

        var names = OperatingSystem.IsWindows() ? new[] { "node.exe", "node" } : ["node"];
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(d => names.Select(n => Path.Combine(d, n)))
            .FirstOrDefault(File.Exists);
    }

    public static DrizzleKitPackage? FindDrizzleKit(string projectRoot)
    {
        for (var directory = projectRoot; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var package = Path.Combine(directory, "node_modules", "drizzle-kit");
            var manifest = Path.Combine(package, "package.json");
            if (File.Exists(manifest))
            {
                return Read(package, manifest);
            }
        }

        return null;
    }

    private static DrizzleKitPackage? Read(string package, string manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest));
            var root = document.RootElement;
            var version = root.TryGetProperty("version", out var v) ? v.GetString() ?? "?" : "?";
            var bin = root.TryGetProperty("bin", out var b)
                ? b.ValueKind == JsonValueKind.String ? b.GetString() : b.TryGetProperty("drizzle-kit", out var named) ? named.GetString() : null
                : null;
            return bin is null ? null : new DrizzleKitPackage(version, Path.GetFullPath(Path.Combine(package, bin)));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
