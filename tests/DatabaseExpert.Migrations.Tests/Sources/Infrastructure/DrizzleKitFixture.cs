using DatabaseExpert.Testing.Npm;

namespace DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

/// <summary>The drizzle-kit, drizzle-orm and pg that examples/shop pins, installed from npm once per test run (and cached).</summary>
public sealed class DrizzleKitFixture
{
    public static readonly IReadOnlyDictionary<string, string> Packages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["drizzle-kit"] = "0.31.11",
        ["drizzle-orm"] = "0.45.4",
        ["pg"] = "8.23.1",
    };

    public DrizzleKitFixture()
    {
        NodeModules = Path.Combine(NpmPackages.Install(Packages), "node_modules");
    }

    public string NodeModules { get; }

    /// <summary>A copy of examples/shop in a temp folder whose node_modules links to the installed packages.</summary>
    internal TempProject CopyShop(bool withNodeModules = true)
    {
        var project = new TempProject();
        CopyDirectory(RepositoryPaths.ShopExample, project.Root);
        if (withNodeModules)
        {
            Directory.CreateSymbolicLink(project.PathOf("node_modules"), NodeModules);
        }

        return project;
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories)
                     .Where(d => !Path.GetRelativePath(source, d).StartsWith("node_modules", StringComparison.Ordinal)))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                     .Where(f => !Path.GetRelativePath(source, f).StartsWith("node_modules", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DrizzleKitCollection : ICollectionFixture<DrizzleKitFixture>
{
    public const string Name = "drizzle-kit from npm";
}
