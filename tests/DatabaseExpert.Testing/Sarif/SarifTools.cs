using System.Diagnostics;
using System.Text.Json;
using DatabaseExpert.Testing.Npm;
using Json.Schema;

namespace DatabaseExpert.Testing.Sarif;

/// <summary>
/// The SARIF 2.1.0 JSON schema and Microsoft's SARIF validator, both from the npm package
/// @microsoft/sarif-multitool-linux (the SARIF SDK's Linux build, which ships the schema beside the tool), installed once
/// into a temp folder keyed by its version. Nothing of it is committed. A test that cannot get it fails and says why.
/// </summary>
public sealed class SarifTools
{
    public const string Package = "@microsoft/sarif-multitool-linux";
    public const string Version = "5.7.0";

    private static readonly TimeSpan ValidatorTimeout = TimeSpan.FromMinutes(2);

    public SarifTools()
    {
        string folder;
        try
        {
            folder = Path.Combine(NpmPackages.Install(new Dictionary<string, string>(StringComparer.Ordinal) { [Package] = Version }), "node_modules", Package);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"The SARIF schema comes from the npm package {Package}@{Version}, which could not be installed: {ex.Message}\n" +
                "Install Node.js 18+ with npm and make the npm registry reachable (the package is Linux-only).", ex);
        }

        SchemaPath = Path.Combine(folder, "sarif-2.1.0.json");
        ValidatorPath = Path.Combine(folder, "Sarif.Multitool");
        if (!File.Exists(SchemaPath))
        {
            throw new InvalidOperationException($"{Package}@{Version} is installed in {folder} but has no sarif-2.1.0.json: the package layout changed.");
        }

        Schema = JsonSchema.FromText(File.ReadAllText(SchemaPath));
    }

    public string SchemaPath { get; }

    public string ValidatorPath { get; }

    public JsonSchema Schema { get; }

    /// <summary>Schema errors, as "instance location: message" lines (empty when valid).</summary>
    public IReadOnlyList<string> SchemaErrors(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    /// <summary>Runs <c>Sarif.Multitool validate</c> and returns its results (rule id, level, message arguments).</summary>
    public IReadOnlyList<(string Rule, string Level, string Text)> Validate(string sarifPath)
    {
        var output = sarifPath + ".validation.sarif";
        var info = new ProcessStartInfo(ValidatorPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["validate", sarifPath, "--output", output, "--log", "ForceOverwrite", "--level", "Error;Warning;Note", "--quiet"])
        {
            info.ArgumentList.Add(argument);
        }

        // The tool is a self-contained .NET app; without ICU on the machine it needs invariant globalization.
        info.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{ValidatorPath} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ValidatorTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Sarif.Multitool validate did not finish within {ValidatorTimeout}.");
        }

        if (process.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"Sarif.Multitool validate failed (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(output));
        return [.. document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => (
            r.GetProperty("ruleId").GetString()!,
            r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
            string.Join(" | ", r.GetProperty("message").TryGetProperty("arguments", out var args) ? args.EnumerateArray().Select(a => a.GetString()) : [])))];
    }
}
