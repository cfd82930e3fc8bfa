namespace DatabaseExpert.Testing;

/// <summary>Where the repository is, for tests that read its real files (agent.yaml, examples/shop, docs/rules).</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding DatabaseExpert.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

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
