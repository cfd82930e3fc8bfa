using DatabaseExpert.Agent.Security;

namespace DatabaseExpert.Agent.Definition;

/// <summary>
/// agent.yaml <c>databases</c>. <see cref="Default"/> is a connection URL or the name of an entry of
/// <see cref="Named"/>; <see cref="ReadOnly"/> applies to the default and to every entry that does not say otherwise.
/// </summary>
public sealed record DatabaseSettings(string? Default, bool ReadOnly, IReadOnlyDictionary<string, DatabaseEntry> Named)
{
    public static DatabaseSettings Empty { get; } = new(null, true, new Dictionary<string, DatabaseEntry>(StringComparer.Ordinal));

    public override string ToString() =>
        $"DatabaseSettings {{ Default = {(Default is null ? "(none)" : SecretRedactor.RedactConnection(Default))}, ReadOnly = {ReadOnly}, "
        + $"Named = [{string.Join(", ", Named.Values)}] }}";
}

/// <summary>A named database. <see cref="ToString"/> hides the password.</summary>
public sealed record DatabaseEntry(string Name, string Url, bool ReadOnly)
{
    public override string ToString() => $"{Name} = {SecretRedactor.RedactConnection(Url)}{(ReadOnly ? " (read-only)" : string.Empty)}";
}
