using DatabaseExpert.Agent.Definition.Internal.Schema;
using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal;

/// <summary>Builds <see cref="DatabaseSettings"/> from a checked <c>databases</c> mapping.</summary>
internal static class DatabaseBinder
{
    public static DatabaseSettings Bind(YamlMapping? databases)
    {
        if (databases is null)
        {
            return DatabaseSettings.Empty;
        }

        var readOnly = databases.Scalar("readOnly") is not { } flag || BoolShape.IsTrue(flag);
        var named = new Dictionary<string, DatabaseEntry>(StringComparer.Ordinal);
        foreach (var entry in databases.Entries.Where(e => e.Key.Value is not ("default" or "readOnly")))
        {
            var name = entry.Key.Value;
            named[name] = entry.Value switch
            {
                YamlMapping full => new DatabaseEntry(name, full.Scalar("url")?.Value ?? string.Empty,
                    full.Scalar("readOnly") is { } own ? BoolShape.IsTrue(own) : readOnly),
                YamlScalar url => new DatabaseEntry(name, url.Value, readOnly),
                _ => throw new InvalidOperationException($"databases.{name} passed the schema with an unexpected shape"),
            };
        }

        return new DatabaseSettings(databases.Scalar("default")?.Value, readOnly, named);
    }
}
