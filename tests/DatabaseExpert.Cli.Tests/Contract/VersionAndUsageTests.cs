using System.Text.RegularExpressions;
using DatabaseExpert.Cli.Tests.Infrastructure;

namespace DatabaseExpert.Cli.Tests.Contract;

public sealed class VersionAndUsageTests : IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.CreateEmpty();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Version_prints_the_assembly_version_alone()
    {
        var result = await DbxRunner.RunAsync(["--version"], _workspace.Options());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(DbxApp.Version, result.Stdout.Trim());
        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"), result.Stdout.Trim());
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task No_arguments_print_the_help_with_every_command()
    {
        var result = await DbxRunner.RunAsync([], _workspace.Options());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Stdout, StringComparison.Ordinal);
        foreach (var command in DbxApp.BuildRoot(NullHost()).Subcommands)
        {
            Assert.Matches(new Regex($@"(?m)^\s+{command.Name}\s+\S"), result.Stdout);
        }

        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Unknown_command_exits_2_with_one_line_naming_it()
    {
        var result = await DbxRunner.RunAsync(["frobnicate"], _workspace.Options());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("dbx: ", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Contains("'frobnicate'", result.StderrLines[0], StringComparison.Ordinal);
        // The message, then where to read the usage; no help dump, no stack trace.
        Assert.Equal(2, result.StderrLines.Count);
        Assert.Equal("Run 'dbx --help' for usage.", result.StderrLines[1]);
    }

    [Fact]
    public async Task Unknown_option_names_the_subcommand_help()
    {
        var result = await DbxRunner.RunAsync(["agent", "validate", "--bogus"], _workspace.Options());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("'--bogus'", result.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'dbx agent validate --help' for usage.", result.StderrLines[^1]);
    }

    [Fact]
    public async Task Unsupported_format_is_a_usage_error_that_lists_the_choices()
    {
        var result = await DbxRunner.RunAsync(["agent", "validate", "--format", "yaml"], _workspace.Options());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--format 'yaml'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("text or json", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A host for building the command tree only (nothing runs).</summary>
    private static CliHost NullHost() => new()
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        In = TextReader.Null,
        WorkingDirectory = Path.GetTempPath(),
        Environment = new Dictionary<string, string?>(),
    };
}
