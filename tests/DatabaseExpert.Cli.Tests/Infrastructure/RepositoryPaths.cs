namespace DatabaseExpert.Cli.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding DatabaseExpert.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Test data copied next to the test binaries.</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

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
