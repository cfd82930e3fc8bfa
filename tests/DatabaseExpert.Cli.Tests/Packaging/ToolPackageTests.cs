using System.Diagnostics;
using System.IO.Compression;
using DatabaseExpert.Cli.Tests.Infrastructure;

namespace DatabaseExpert.Cli.Tests.Packaging;

/// <summary>`dotnet pack` then `dotnet tool install` gives a working `dbx` that carries the bundled agent.</summary>
public sealed class ToolPackageTests
{
    [Fact]
    public async Task The_packed_tool_installs_runs_and_uses_the_bundled_agent_where_a_project_has_none()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var root = Directory.CreateTempSubdirectory("dbx-pack-").FullName;
        try
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var packages = Path.Combine(root, "packages");
            var project = Path.Combine(RepositoryPaths.Root, "src", "DatabaseExpert.Cli");

            // --no-build: the test run already built dbx in this configuration; building again would race its obj folder.
            await RunAsync("dotnet", ["pack", project, "--no-build", "-c", configuration, "-o", packages, "--nologo"], root, timeout.Token);
            var package = Assert.Single(Directory.GetFiles(packages, "DatabaseExpert.*.nupkg"));
            using (var zip = ZipFile.OpenRead(package))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
                Assert.Contains("tools/net10.0/any/dbx.dll", entries);
                Assert.Contains("tools/net10.0/any/agent/agent.yaml", entries);
                Assert.Contains("tools/net10.0/any/agent/prompts/database-expert.md", entries);
                Assert.Contains("tools/net10.0/any/agent/skills/drizzle-orm/SKILL.md", entries);
                Assert.Contains("README.md", entries);
            }

            var tools = Path.Combine(root, "tools");
            await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources", "DatabaseExpert"], root, timeout.Token);
            var dbx = Path.Combine(tools, "dbx");
            // A temp folder outside any git repository, with no agent.yaml: the bundled agent must answer.
            var project2 = Directory.CreateDirectory(Path.Combine(root, "someone-elses-project")).FullName;

            Assert.Equal(DbxApp.Version, (await RunAsync(dbx, ["--version"], project2, timeout.Token)).Trim());
            var show = await RunAsync(dbx, ["agent", "show", "--format", "json"], project2, timeout.Token);
            Assert.Contains("\"name\": \"database-expert\"", show, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(".store", "databaseexpert"), show, StringComparison.Ordinal);
            Assert.Contains("agent.yaml", show, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:\n{await output}\n{await error}");
        return await output;
    }
}
