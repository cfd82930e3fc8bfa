using System.Runtime.InteropServices;

namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>The real dbx executable, for tests that run it as a process (in a terminal).</summary>
public static class DbxBinary
{
    /// <summary>
    /// The apphost in the CLI project's own output, same configuration as the tests (building the tests builds it).
    /// The copy next to the tests cannot run: the test project's set of dependencies differs from dbx's.
    /// </summary>
    public static string Path
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var path = System.IO.Path.Combine(
                RepositoryPaths.Root, "src", "DatabaseExpert.Cli", "bin", framework.Parent!.Name, framework.Name, "dbx");
            return File.Exists(path)
                ? path
                : throw new InvalidOperationException($"{path} is missing: build the test project, which builds src/DatabaseExpert.Cli.");
        }
    }

    /// <summary>Adds what the apphost needs in an otherwise empty environment: where .NET is installed.</summary>
    public static Dictionary<string, string?> WithRuntime(Dictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment["DOTNET_ROOT"] = System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        return environment;
    }
}
