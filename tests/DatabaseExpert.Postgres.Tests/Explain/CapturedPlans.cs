using System.Runtime.CompilerServices;

namespace DatabaseExpert.Postgres.Tests.Explain;

/// <summary>
/// JSON plans captured from PostgreSQL 15 on the shop fixture (Plans/*.json, the commands are in Plans/README.md).
/// Read from beside this source file, so they stay out of the project file.
/// </summary>
internal static class CapturedPlans
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder(), "Plans", name));

    private static string Folder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
