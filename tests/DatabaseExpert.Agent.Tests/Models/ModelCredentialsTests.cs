using DatabaseExpert.Agent.Models;
using DatabaseExpert.Agent.Models.Resilience;

namespace DatabaseExpert.Agent.Tests.Models;

public sealed class ModelCredentialsTests
{
    [Theory]
    [InlineData(ModelProvider.Anthropic, "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL")]
    [InlineData(ModelProvider.OpenAI, "OPENAI_API_KEY", "OPENAI_BASE_URL")]
    [InlineData(ModelProvider.Azure, "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT")]
    public void Each_provider_reads_its_own_variables(ModelProvider provider, string key, string endpoint)
    {
        Assert.Equal((key, endpoint), (ModelCredentials.KeyVariable(provider), ModelCredentials.EndpointVariable(provider)));
        Assert.Contains(key, ModelCredentials.SecretVariables);

        var credentials = ModelCredentials.FromEnvironment(provider, Environment(
            (key, "  the-key  "), (endpoint, " https://models.example.com/v1 ")));

        Assert.Equal(new ModelCredentials(provider, "the-key", new Uri("https://models.example.com/v1")), credentials);
        Assert.True(credentials.IsUsable);
        Assert.Null(credentials.MissingExplanation());
    }

    [Fact]
    public void An_openai_compatible_base_url_needs_no_key()
    {
        var credentials = ModelCredentials.FromEnvironment(ModelProvider.OpenAI, Environment(("OPENAI_BASE_URL", "http://localhost:11434/v1")));

        Assert.Null(credentials.ApiKey);
        Assert.True(credentials.IsUsable);
    }

    [Theory]
    [InlineData(ModelProvider.Anthropic, "ANTHROPIC_API_KEY is not set: export ANTHROPIC_API_KEY=sk-ant-…")]
    [InlineData(ModelProvider.OpenAI, "OPENAI_API_KEY is not set: export OPENAI_API_KEY=sk-… (or OPENAI_BASE_URL=http://localhost:11434/v1 for a local server)")]
    [InlineData(ModelProvider.Azure, "AZURE_OPENAI_ENDPOINT is not set: export AZURE_OPENAI_ENDPOINT=https://<resource>.openai.azure.com and AZURE_OPENAI_API_KEY=<key>")]
    public void Missing_settings_are_explained_with_the_export_to_run(ModelProvider provider, string explanation)
    {
        var credentials = ModelCredentials.FromEnvironment(provider, Environment((ModelCredentials.KeyVariable(provider), "   ")));

        Assert.False(credentials.IsUsable);
        Assert.Equal(explanation, credentials.MissingExplanation());
    }

    [Fact]
    public void Azure_needs_both_endpoint_and_key()
    {
        var keyOnly = ModelCredentials.FromEnvironment(ModelProvider.Azure, Environment(("AZURE_OPENAI_API_KEY", "k")));
        var endpointOnly = ModelCredentials.FromEnvironment(ModelProvider.Azure, Environment(("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com")));

        Assert.False(keyOnly.IsUsable);
        Assert.StartsWith("AZURE_OPENAI_ENDPOINT is not set", keyOnly.MissingExplanation(), StringComparison.Ordinal);
        Assert.False(endpointOnly.IsUsable);
        Assert.Equal("AZURE_OPENAI_API_KEY is not set: export AZURE_OPENAI_API_KEY=<key>", endpointOnly.MissingExplanation());
    }

    [Theory]
    [InlineData("localhost:11434/v1")]
    [InlineData("ftp://models.example.com")]
    [InlineData("not a url")]
    [InlineData("/v1")]
    public void A_base_url_that_is_not_http_is_refused_with_an_example(string url)
    {
        var error = Assert.Throws<ModelConfigurationException>(
            () => ModelCredentials.FromEnvironment(ModelProvider.OpenAI, Environment(("OPENAI_BASE_URL", url))));

        Assert.Equal($"OPENAI_BASE_URL='{url}' is not an http(s) URL; for example http://localhost:11434/v1", error.Message);
    }

    [Fact]
    public void Connecting_without_usable_credentials_names_the_model_and_the_fix()
    {
        var error = Assert.Throws<ModelConfigurationException>(() => ModelConnection.Create(
            new ModelSpec(ModelProvider.Anthropic, "claude-x"), new ModelCredentials(ModelProvider.Anthropic, null, null)));

        Assert.Equal("anthropic:claude-x cannot be used: ANTHROPIC_API_KEY is not set: export ANTHROPIC_API_KEY=sk-ant-…", error.Message);
    }

    [Fact]
    public void Resilience_settings_come_from_the_environment_and_bad_values_are_refused()
    {
        var options = ModelResilienceOptions.FromEnvironment(Environment(
            ("DBX_MODEL_MAX_ATTEMPTS", "2"), ("DBX_MODEL_ATTEMPT_TIMEOUT", "15"), ("DBX_MODEL_TIMEOUT", "90")));

        Assert.Equal(
            (2, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(90)),
            (options.MaxAttempts, options.AttemptTimeout, options.StreamIdleTimeout, options.OverallTimeout));
        Assert.Equal(new ModelResilienceOptions(), ModelResilienceOptions.FromEnvironment(Environment()));

        var error = Assert.Throws<ModelConfigurationException>(() => ModelResilienceOptions.FromEnvironment(Environment(("DBX_MODEL_MAX_ATTEMPTS", "0"))));
        Assert.Equal("DBX_MODEL_MAX_ATTEMPTS='0' must be a whole number of 1..10", error.Message);
        Assert.Throws<ModelConfigurationException>(() => ModelResilienceOptions.FromEnvironment(Environment(("DBX_MODEL_TIMEOUT", "ten"))));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value, StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }
}
