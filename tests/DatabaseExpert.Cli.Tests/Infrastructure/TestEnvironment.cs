using DatabaseExpert.Testing.Models;

namespace DatabaseExpert.Cli.Tests.Infrastructure;

/// <summary>
/// Environments for dbx runs. They start from PATH and HOME only, so a model key or DATABASE_URL in the developer's
/// shell never changes what a test sees.
/// </summary>
public static class TestEnvironment
{
    /// <summary>Long enough for the redactor to treat it as a secret, and unlike any other text in a test.</summary>
    public const string ApiKey = "dbx-test-key-Q7mX2vR9";

    public static Dictionary<string, string?> Base()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
        };
        return environment;
    }

    /// <summary>The environment that points dbx chat at a scripted OpenAI-compatible server, with one fast retry.</summary>
    public static Dictionary<string, string?> ForOpenAI(IScriptedModelServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var environment = Base();
        environment["DBX_MODEL"] = "openai:test-model";
        environment["OPENAI_BASE_URL"] = server.BaseUri.ToString();
        environment["OPENAI_API_KEY"] = ApiKey;
        environment["DBX_MODEL_MAX_ATTEMPTS"] = "2";
        return environment;
    }

    /// <summary>The same for a scripted Anthropic Messages server.</summary>
    public static Dictionary<string, string?> ForAnthropic(IScriptedModelServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var environment = Base();
        environment["DBX_MODEL"] = "anthropic:test-model";
        environment["ANTHROPIC_BASE_URL"] = server.BaseUri.ToString();
        environment["ANTHROPIC_API_KEY"] = ApiKey;
        environment["DBX_MODEL_MAX_ATTEMPTS"] = "2";
        return environment;
    }
}
