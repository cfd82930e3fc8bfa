using System.CommandLine;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Cli.Trace;

/// <summary><c>--fail-on error|warning</c>: the lowest severity that makes the exit code 1.</summary>
public static class FailOnOption
{
    public static Option<Severity> Create() => new("--fail-on")
    {
        Description = "Exit 1 when a finding has this severity or worse: error (default) or warning",
        HelpName = "error|warning",
        DefaultValueFactory = _ => Severity.Error,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 0 ? "error" : result.Tokens[0].Value;
            switch (token.ToLowerInvariant())
            {
                case "error":
                    return Severity.Error;
                case "warning":
                    return Severity.Warning;
                default:
                    result.AddError($"--fail-on '{token}' is not supported; use error or warning");
                    return Severity.Error;
            }
        },
    };
}
