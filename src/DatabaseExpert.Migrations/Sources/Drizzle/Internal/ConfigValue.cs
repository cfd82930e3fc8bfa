namespace DatabaseExpert.Migrations.Sources.Drizzle.Internal;

internal enum ConfigValueKind
{
    String,
    StringList,
    Object,
    Boolean,
    Number,

    /// <summary>Anything computed at run time (<c>process.env.X</c>, a variable, a call).</summary>
    Expression,
}

/// <summary>A property value of a config object literal, as far as it can be known without running the file.</summary>
/// <param name="Kind">What kind of literal, or an expression.</param>
/// <param name="Raw">The value's source text (for notes about values dbx could not read).</param>
/// <param name="Line">1-based line of the value in the config (0 for JSON).</param>
internal sealed record ConfigValue(ConfigValueKind Kind, string Raw, int Line)
{
    public string? Text { get; init; }

    public IReadOnlyList<string> Items { get; init; } = [];

    public ConfigObject? Object { get; init; }

    /// <summary>For <c>expr ?? 'literal'</c> and <c>expr || 'literal'</c>: the literal, a reasonable assumption.</summary>
    public string? Fallback { get; init; }
}

/// <summary>An object literal's properties, and the sources of any <c>...spread</c> in it (whose keys are unknown).</summary>
internal sealed record ConfigObject(IReadOnlyDictionary<string, ConfigValue> Properties, IReadOnlyList<string> Spreads)
{
    public ConfigValue? this[string key] => Properties.GetValueOrDefault(key);
}
