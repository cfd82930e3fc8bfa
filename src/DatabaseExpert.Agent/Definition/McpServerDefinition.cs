namespace DatabaseExpert.Agent.Definition;

/// <summary>
/// agent.yaml <c>mcpServers.&lt;name&gt;</c>: a stdio server (<see cref="Command"/>) or a remote one (<see cref="Url"/>).
/// <see cref="Fallback"/> names what to use when it cannot be reached (<c>offline-docs</c> or another server).
/// <see cref="ToString"/> shows the names of <see cref="Env"/> and <see cref="Headers"/>, never their values.
/// </summary>
public sealed record McpServerDefinition(
    string Name,
    string? Command,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Env,
    string? Url,
    IReadOnlyDictionary<string, string> Headers,
    string? Fallback,
    bool Enabled)
{
    /// <summary>The built-in fallback: dbx's own offline documentation server.</summary>
    public const string OfflineDocsFallback = "offline-docs";

    public bool IsRemote => Url is not null;

    public override string ToString()
    {
        var target = Url ?? string.Join(' ', new[] { Command ?? string.Empty }.Concat(Args));
        var env = Env.Count == 0 ? string.Empty : $", env: {string.Join(", ", Env.Keys)}";
        var headers = Headers.Count == 0 ? string.Empty : $", headers: {string.Join(", ", Headers.Keys)}";
        var fallback = Fallback is null ? string.Empty : $", fallback: {Fallback}";
        return $"{Name}: {target}{env}{headers}{fallback}{(Enabled ? string.Empty : " (disabled)")}";
    }
}
