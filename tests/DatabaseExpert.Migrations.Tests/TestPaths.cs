namespace DatabaseExpert.Migrations.Tests;

internal static class TestPaths
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

        throw new InvalidOperationException("DatabaseExpert.sln was not found above the test binaries");
    }
}
