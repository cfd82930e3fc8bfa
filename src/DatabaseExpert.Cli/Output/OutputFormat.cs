using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DatabaseExpert.Cli.Output;

public enum OutputFormat
{
    Text,
    Json,
}

public static class OutputFormats
{
    /// <summary>Pretty JSON without HTML escaping (so <c>&lt;</c> and <c>'</c> stay readable), camelCase names.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Option<OutputFormat> CreateOption() => new("--format")
    {
        Description = "Output format: text or json",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = result =>
        {
            var token = result.Tokens.Count == 0 ? "text" : result.Tokens[0].Value;
            switch (token.ToLowerInvariant())
            {
                case "text":
                    return OutputFormat.Text;
                case "json":
                    return OutputFormat.Json;
                default:
                    result.AddError($"--format '{token}' is not supported here; use text or json");
                    return OutputFormat.Text;
            }
        },
    };
}
