using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DatabaseExpert.Cli.Tests.Infrastructure;

namespace DatabaseExpert.Cli.Tests.Contract;

public sealed class DoctorTests : IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Json_lists_every_check_with_status_detail_and_fix()
    {
        var result = await DbxRunner.RunAsync(["doctor", "--format", "json"], _workspace.Options());

        using var document = JsonDocument.Parse(result.Stdout);
        var checks = document.RootElement.GetProperty("checks").EnumerateArray().ToList();
        var names = checks.Select(c => c.GetProperty("check").GetString()).ToList();
        foreach (var name in new[] { "agent definition", "postgresql binaries", "node / npx", "model", "context7 docs", "database" })
        {
            Assert.Contains(name, names);
        }

        foreach (var check in checks)
        {
            var status = check.GetProperty("status").GetString();
            Assert.Contains(status, new[] { "ok", "warn", "fail" });
            Assert.False(string.IsNullOrWhiteSpace(check.GetProperty("detail").GetString()));
            // Every problem comes with its fix; a passing check has none.
            Assert.Equal(status != "ok", check.GetProperty("fix").ValueKind == JsonValueKind.String);
        }

        var failed = checks.Any(c => c.GetProperty("status").GetString() == "fail");
        Assert.Equal(failed ? ExitCodes.Findings : ExitCodes.Ok, result.ExitCode);
        Assert.Equal("ok", Check(checks, "agent definition").GetProperty("status").GetString());
        Assert.Equal("warn", Check(checks, "model").GetProperty("status").GetString());
        Assert.Equal("disabled in agent.yaml", Check(checks, "context7 docs").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Text_prints_one_line_per_check_and_a_verdict()
    {
        var result = await DbxRunner.RunAsync(["doctor"], _workspace.Options());
        var json = await DbxRunner.RunAsync(["doctor", "--format", "json"], _workspace.Options());

        using var document = JsonDocument.Parse(json.Stdout);
        foreach (var check in document.RootElement.GetProperty("checks").EnumerateArray())
        {
            var label = check.GetProperty("status").GetString()!.PadRight(4);
            Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith(label, StringComparison.Ordinal)
                && l.Contains(check.GetProperty("check").GetString()!, StringComparison.Ordinal));
        }

        var verdict = result.Stdout.TrimEnd().Split('\n')[^1];
        Assert.True(
            verdict.StartsWith("dbx is ready", StringComparison.Ordinal) || verdict.Contains("check(s) failed", StringComparison.Ordinal),
            verdict);
    }

    [Fact]
    public async Task Missing_postgres_binaries_fail_the_check_and_exit_1()
    {
        var environment = TestEnvironment.Base();
        environment["DBX_PG_BIN"] = "/nonexistent";

        var result = await DbxRunner.RunAsync(["doctor", "--format", "json"], _workspace.Options(environment));

        Assert.True(result.ExitCode == ExitCodes.Findings, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var check = Check(document.RootElement.GetProperty("checks").EnumerateArray(), "postgresql binaries");
        Assert.Equal("fail", check.GetProperty("status").GetString());
        Assert.Contains("DBX_PG_BIN", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("/nonexistent", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("install", check.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_missing_from_the_given_PATH_is_a_warning()
    {
        using var bin = TestWorkspace.CreateEmpty();
        var environment = TestEnvironment.Base();
        environment["PATH"] = bin.Root;

        var check = await NodeCheckAsync(environment);

        Assert.Equal("warn", check.GetProperty("status").GetString());
        Assert.Contains("node is not on PATH", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Node.js", check.GetProperty("fix").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v22.3.0", "ok")]
    [InlineData("v16.20.2", "warn")]
    public async Task Node_on_the_given_PATH_is_run_for_its_version(string version, string status)
    {
        using var bin = TestWorkspace.CreateEmpty();
        WriteScript(bin, "node", $"echo {version}");
        WriteScript(bin, "npx", "echo 10.9.0");
        var environment = TestEnvironment.Base();
        environment["PATH"] = bin.Root;

        var check = await NodeCheckAsync(environment);

        Assert.Equal(status, check.GetProperty("status").GetString());
        Assert.Contains(version, check.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_database_fails_with_the_password_masked()
    {
        const string Password = "s3cret-doctor-pw";
        var port = ClosedPort();
        var environment = TestEnvironment.Base();
        environment["DATABASE_URL"] = $"postgres://bob:{Password}@127.0.0.1:{port}/shop";

        var result = await DbxRunner.RunAsync(["doctor", "--format", "json", "--timeout", "2"], _workspace.Options(environment));

        Assert.True(result.ExitCode == ExitCodes.Findings, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var check = Check(document.RootElement.GetProperty("checks").EnumerateArray(), "database");
        Assert.Equal("fail", check.GetProperty("status").GetString());
        Assert.StartsWith($"postgres://bob:***@127.0.0.1:{port}/shop: ", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Stdout + result.Stderr, StringComparison.Ordinal);

        var text = await DbxRunner.RunAsync(["doctor", "--timeout", "2"], _workspace.Options(environment));
        Assert.DoesNotContain(Password, text.Stdout + text.Stderr, StringComparison.Ordinal);
        Assert.Contains("check(s) failed", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_out_of_range_is_a_usage_error()
    {
        var result = await DbxRunner.RunAsync(["doctor", "--timeout", "0"], _workspace.Options());

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("dbx: --timeout 0 is out of range; use 1..60 seconds", result.StderrLines[0]);
    }

    private async Task<JsonElement> NodeCheckAsync(Dictionary<string, string?> environment)
    {
        var result = await DbxRunner.RunAsync(["doctor", "--format", "json"], _workspace.Options(environment));
        using var document = JsonDocument.Parse(result.Stdout);
        return Check(document.RootElement.GetProperty("checks").EnumerateArray(), "node / npx").Clone();
    }

    internal static JsonElement Check(IEnumerable<JsonElement> checks, string name) =>
        checks.Single(c => c.GetProperty("check").GetString() == name);

    private static void WriteScript(TestWorkspace folder, string name, string body)
    {
        folder.Write(name, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(folder.PathOf(name),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }

    /// <summary>A local port nothing listens on (it was free a moment ago).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
