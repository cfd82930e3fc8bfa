using System.Collections.Frozen;
using DatabaseExpert.Migrations.Reporters.Internal;

namespace DatabaseExpert.Migrations.Reporters;

/// <summary>
/// The rule pages of docs/rules, embedded in this assembly at build time (see the csproj), so rule metadata in reports
/// comes from the same text the documentation shows.
/// </summary>
public static class RuleDocs
{
    internal const string ResourcePrefix = "DatabaseExpert.Migrations.RuleDocs.";

    private static readonly Lazy<FrozenDictionary<string, RuleDoc>> Pages = new(Load);

    public static IReadOnlyCollection<RuleDoc> All => Pages.Value.Values;

    /// <summary>The page of <paramref name="ruleId"/>, or null when the rule has none.</summary>
    public static RuleDoc? Find(string ruleId) => Pages.Value.GetValueOrDefault(ruleId);

    private static FrozenDictionary<string, RuleDoc> Load()
    {
        var assembly = typeof(RuleDocs).Assembly;
        var pages = new Dictionary<string, RuleDoc>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var id = name[ResourcePrefix.Length..^".md".Length];
            pages[id] = RuleDocParser.Parse(id, reader.ReadToEnd());
        }

        return pages.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
