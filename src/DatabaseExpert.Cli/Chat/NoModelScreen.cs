using DatabaseExpert.Agent.Composition;
using DatabaseExpert.Agent.Models;

namespace DatabaseExpert.Cli.Chat;

/// <summary>The one screen <c>dbx chat</c> shows when no model can be called: what is chosen, what is missing, how to fix it.</summary>
public static class NoModelScreen
{
    public static string Render(ModelResolution resolution)
    {
        var current = resolution.Choice is null
            ? "none (no --model, no DBX_MODEL, nothing in agent.yaml or the persona)"
            : $"{resolution.Spec?.ToString() ?? resolution.Choice.Text} (from {ModelSelection.Describe(resolution.Choice.Source)})";
        return $"""
            dbx chat needs a model, and none is ready.

              Chosen model: {current}
              Problem:      {resolution.Problem ?? "unknown"}

            Configure one provider:

              Anthropic   export {ModelCredentials.AnthropicKey}=sk-ant-…
                          dbx chat --model anthropic:sonnet        (aliases sonnet, opus, haiku; or a full id such as claude-sonnet-5-5)
              OpenAI      export {ModelCredentials.OpenAIKey}=sk-…
                          dbx chat --model openai:gpt-4.1
              Local       export {ModelCredentials.OpenAIBaseUrl}=http://localhost:11434/v1   (Ollama; vLLM and LM Studio likewise, no key needed)
                          dbx chat --model openai:llama3.1
              Azure       export {ModelCredentials.AzureEndpoint}=https://<resource>.openai.azure.com {ModelCredentials.AzureKey}=…
                          dbx chat --model azure:<deployment-name>

            The default model comes from agent.yaml (model:) or DBX_MODEL; --model overrides both.
            Everything else works without a model: dbx agent show, dbx agent validate, dbx doctor.
            """;
    }
}
