using DatabaseExpert.Migrations.Tests.Sources.Infrastructure;

namespace DatabaseExpert.Migrations.Tests.Reporters.Infrastructure;

/// <summary>
/// Compares output with a file under Reporters/Golden in the source tree. Set DBX_UPDATE_GOLDEN=1 to rewrite the files
/// after an intended change, then read the diff before committing it.
/// </summary>
internal static class Golden
{
    public static void Assert(string name, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "DatabaseExpert.Migrations.Tests", "Reporters", "Golden", name);
        if (Environment.GetEnvironmentVariable("DBX_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Xunit.Assert.True(File.Exists(path), $"{path} does not exist: run the tests once with DBX_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
                .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
            Xunit.Assert.Fail(
                $"{name} differs from the golden file at line {line + 1}:\n" +
                $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "(end of file)")}\n" +
                $"  actual:   {(line < actualLines.Length ? actualLines[line] : "(end of output)")}\n" +
                "If the change is intended, rerun with DBX_UPDATE_GOLDEN=1 and review the diff.");
        }
    }
}
