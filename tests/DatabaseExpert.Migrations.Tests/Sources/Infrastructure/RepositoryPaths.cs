namespace DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

internal static class RepositoryPaths
{
    /// <summary>The folder holding DatabaseExpert.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string ShopExample => Path.Combine(Root, "examples", "shop");

    private static string FindRoot()
    {
        for (var directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "DatabaseExpert.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"DatabaseExpert.sln was not found above {AppContext.BaseDirectory}.");
    }
}
