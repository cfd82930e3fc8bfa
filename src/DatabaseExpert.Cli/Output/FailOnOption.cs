using System.CommandLine;
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Cli.Output;

/// <summary><c>--fail-on</c> for the migration commands: the lowest severity that makes the exit code 1 (default: error).</summary>
public static class FailOnOption
{
    /// <param name="lowest">The lowest severity the command accepts (lint accepts info, trace only warning).</param>
    public static Option<Severity> Create(Severity lowest = Severity.Warning)
    {
        var names = Enum.GetValues<Severity>().Where(s => s >= lowest).OrderDescending().Select(Name).ToArray();
        return new Option<Severity>("--fail-on")
        {
            Description = $"Exit 1 when a finding has this severity or worse: {string.Join(", ", names)} (default error)",
            HelpName = string.Join('|', names),
            DefaultValueFactory = _ => Severity.Error,
            CustomParser = result =>
            {
                var token = result.Tokens.Count == 0 ? "error" : result.Tokens[0].Value;
                var match = Enum.GetValues<Severity>().Where(s => s >= lowest).FirstOrDefault(s => Name(s).Equals(token, StringComparison.OrdinalIgnoreCase), (Severity)(-1));
                if ((int)match < 0)
                {
                    result.AddError($"--fail-on '{token}' is not supported; use {string.Join(", ", names)}");
                    return Severity.Error;
                }

                return match;
            },
        };
    }

    private static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
