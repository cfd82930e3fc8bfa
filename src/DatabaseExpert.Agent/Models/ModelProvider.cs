namespace DatabaseExpert.Agent.Models;

/// <summary>The model vendors dbx can talk to. Each one is reached through its own SDK behind one chat seam.</summary>
public enum ModelProvider
{
    Anthropic,
    OpenAI,
    Azure,
}
