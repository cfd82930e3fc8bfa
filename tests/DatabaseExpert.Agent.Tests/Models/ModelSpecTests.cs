using DatabaseExpert.Agent.Models;

namespace DatabaseExpert.Agent.Tests.Models;

public sealed class ModelSpecTests
{
    [Theory]
    [InlineData("sonnet", "sonnet")]
    [InlineData("OPUS", "opus")]
    [InlineData(" haiku ", "haiku")]
    [InlineData("anthropic:sonnet", "sonnet")]
    [InlineData("claude:opus", "opus")]
    public void Aliases_name_the_newest_anthropic_model_of_their_family(string text, string alias)
    {
        Assert.True(ModelSpec.TryParse(text, out var spec, out var error), error);

        Assert.Equal(new ModelSpec(ModelProvider.Anthropic, ModelSpec.AnthropicAliases[alias]), spec);
        Assert.StartsWith($"claude-{alias}-", spec.ModelId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("claude-3-7-sonnet-latest", ModelProvider.Anthropic, "claude-3-7-sonnet-latest")]
    [InlineData("anthropic:claude-opus-4-1", ModelProvider.Anthropic, "claude-opus-4-1")]
    [InlineData("openai:gpt-4.1", ModelProvider.OpenAI, "gpt-4.1")]
    [InlineData("OpenAI:llama3.1:8b", ModelProvider.OpenAI, "llama3.1:8b")]
    [InlineData("openai:sonnet", ModelProvider.OpenAI, "sonnet")]
    [InlineData("azure:prod-gpt4o", ModelProvider.Azure, "prod-gpt4o")]
    [InlineData("azure-openai: prod-gpt4o ", ModelProvider.Azure, "prod-gpt4o")]
    [InlineData("openai : gpt-4.1", ModelProvider.OpenAI, "gpt-4.1")]
    public void Provider_prefixes_choose_the_provider_and_keep_the_model_id(string text, ModelProvider provider, string modelId)
    {
        Assert.True(ModelSpec.TryParse(text, out var spec, out var error), error);

        Assert.Equal(new ModelSpec(provider, modelId), spec);
    }

    [Theory]
    [InlineData(null, "the model is empty")]
    [InlineData("  ", "the model is empty")]
    [InlineData("gpt-4.1", "'gpt-4.1' names no provider; write it as anthropic:<model>, openai:<model> or azure:<deployment> (aliases: sonnet, opus, haiku)")]
    [InlineData("mistral:large", "unknown model provider 'mistral' in 'mistral:large'; use anthropic:, openai: or azure:")]
    [InlineData("openai:", "'openai:' names no model after the provider; for example openai:gpt-4.1")]
    [InlineData("anthropic: ", "'anthropic:' names no model after the provider; for example anthropic:sonnet")]
    [InlineData("azure:", "'azure:' names no model after the provider; for example azure:<deployment-name>")]
    public void Bad_model_text_is_refused_with_the_fix(string? text, string expected)
    {
        Assert.False(ModelSpec.TryParse(text, out var spec, out var error));

        Assert.Null(spec);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_spec_prints_as_it_is_written_in_configuration()
    {
        foreach (var provider in Enum.GetValues<ModelProvider>())
        {
            var written = $"{ModelSpec.ProviderPrefix(provider)}:some-model";
            Assert.True(ModelSpec.TryParse(written, out var spec, out _));
            Assert.Equal(written, spec.ToString());
        }
    }
}
