namespace DatabaseExpert.Cli.Tests.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The folder holding DatabaseExpert.sln, found by walking up from the test binaries.</summary>
    public static string Root => DatabaseExpert.Testing.RepositoryPaths.Root;

    /// <summary>Test data copied next to the test binaries.</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
