using System.Globalization;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DatabaseExpert.Migrations.Config;

/// <summary>
/// Finds and reads the lint configuration: <c>.dbx.yaml</c> (or <c>.dbx.yml</c>) in the linted folder or a parent up to
/// the git root, else the <c>lint:</c> section of an <c>agent.yaml</c> found the same way. Every mistake is a
/// <see cref="LintConfigException"/> naming file:line:col.
/// </summary>
public static class LintConfigLoader
{
    public const string FileName = ".dbx.yaml";

    private static readonly string[] LintKeys = ["pgVersion", "assumeInTransaction", "excludedRules", "excludedPaths", "rules"];

    /// <summary>The configuration that applies to <paramref name="path"/> (a file or folder), or <see cref="LintConfig.Empty"/>.</summary>
    public static LintConfig Discover(string path)
    {
        var found = Find(path);
        return found is null ? LintConfig.Empty : Load(found);
    }

    /// <summary>The configuration file for a path: .dbx.yaml first at each level, then agent.yaml with a lint section; null when none.</summary>
    public static string? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Directory.Exists(path) ? Path.GetFullPath(path) : Path.GetDirectoryName(Path.GetFullPath(path));
        for (; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            foreach (var name in (string[])[FileName, ".dbx.yml"])
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            var agent = Path.Combine(directory, "agent.yaml");
            if (File.Exists(agent) && HasLintSection(agent))
            {
                return agent;
            }

            if (Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git")))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Reads a .dbx.yaml (whose only top-level key is <c>lint</c>) or the <c>lint:</c> section of an agent.yaml.</summary>
    public static LintConfig Load(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var isAgent = string.Equals(Path.GetFileName(file), "agent.yaml", StringComparison.Ordinal);
        var root = ReadRoot(file);
        var config = LintConfig.Empty with { Source = file, BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) };
        if (root is null)
        {
            return config;
        }

        if (root is not YamlMappingNode mapping)
        {
            throw Error(file, root, "the file must be a mapping with a `lint:` section", "write `lint:` followed by its settings");
        }

        YamlNode? lint = null;
        YamlNode? review = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = Key(file, keyNode);
            if (key == "lint")
            {
                lint = value;
            }
            else if (key == "review")
            {
                review = value;
            }
            else if (!isAgent)
            {
                throw Error(file, keyNode, $"unknown key `{key}` in {Path.GetFileName(file)}", "the file holds two sections, `lint:` and `review:`");
            }
        }

        if (review is not null and not YamlScalarNode { Value: null or "" })
        {
            config = ReadReview(file, review, config);
        }

        return lint is null or YamlScalarNode { Value: null or "" } ? config : ReadLint(file, lint, config);
    }

    private static LintConfig ReadLint(string file, YamlNode node, LintConfig config)
    {
        if (node is not YamlMappingNode lint)
        {
            throw Error(file, node, "`lint` must be a mapping", $"write its settings indented below it: {string.Join(", ", LintKeys)}");
        }

        foreach (var (keyNode, value) in lint.Children)
        {
            var key = Key(file, keyNode);
            config = key switch
            {
                "pgVersion" => config with { PgVersion = ReadVersion(file, value) },
                "assumeInTransaction" => config with { AssumeInTransaction = ReadBool(file, value, key) },
                "excludedRules" => config with { ExcludedRules = ReadList(file, value, key).SelectMany(r => ExpandRule(file, r, r.Value!)).ToHashSet(StringComparer.Ordinal) },
                "excludedPaths" => config with { ExcludedPaths = [.. ReadList(file, value, key).Select(n => n.Value!)] },
                "rules" => config with { Severities = ReadSeverities(file, value) },
                _ => throw Error(file, keyNode, $"unknown key `lint.{key}`",
                    Suggest(key, LintKeys) is { } close ? $"did you mean `{close}`? The keys are {string.Join(", ", LintKeys)}" : $"the keys are {string.Join(", ", LintKeys)}"),
            };
        }

        return config;
    }

    /// <summary><c>review: { seed: path }</c>: the seed data <c>dbx review</c> and <c>dbx trace</c> load before tracing.</summary>
    private static LintConfig ReadReview(string file, YamlNode node, LintConfig config)
    {
        if (node is not YamlMappingNode review)
        {
            throw Error(file, node, "`review` must be a mapping", "write `review:` then `seed: path/to/seed.sql` indented below it");
        }

        foreach (var (keyNode, value) in review.Children)
        {
            var key = Key(file, keyNode);
            if (key != "seed")
            {
                throw Error(file, keyNode, $"unknown key `review.{key}`", "the only key is `seed` (a SQL file run before tracing, relative to this file)");
            }

            var seed = value is YamlScalarNode { Value.Length: > 0 } scalar
                ? Path.GetFullPath(scalar.Value!, config.BaseDirectory!)
                : throw Error(file, value, "`review.seed` must be a path", "write e.g. `seed: seed.sql`");
            if (!File.Exists(seed))
            {
                throw Error(file, value, $"the seed file {seed} does not exist", "fix the path (it is relative to this file) or remove `seed`");
            }

            config = config with { ReviewSeed = seed };
        }

        return config;
    }

    private static string Key(string file, YamlNode node) => node is YamlScalarNode { Value: { } key }
        ? key
        : throw Error(file, node, "keys must be plain names", "write `name: value`");

    private static int ReadVersion(string file, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version is >= 9 and <= 30)
        {
            return version;
        }

        throw Error(file, node, "`lint.pgVersion` must be a PostgreSQL major version such as 15", "write e.g. `pgVersion: 15`");
    }

    private static bool ReadBool(string file, YamlNode node, string key) => node is YamlScalarNode { Value: "true" or "false" } scalar
        ? scalar.Value == "true"
        : throw Error(file, node, $"`lint.{key}` must be true or false", $"write `{key}: true`");

    private static List<YamlScalarNode> ReadList(string file, YamlNode node, string key)
    {
        if (node is YamlSequenceNode sequence && sequence.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }))
        {
            return [.. sequence.Children.Cast<YamlScalarNode>()];
        }

        throw Error(file, node, $"`lint.{key}` must be a list of strings", $"write `{key}: [a, b]`");
    }

    private static IReadOnlyList<string> ExpandRule(string file, YamlNode node, string name)
    {
        var ids = RuleCatalog.Expand(name);
        return ids.Count > 0
            ? ids
            : throw Error(file, node, $"unknown rule `{name}`",
                RuleCatalog.Suggest(name) is { } close ? $"did you mean `{close}`? See docs/rules/README.md" : "the rules are listed in docs/rules/README.md");
    }

    private static Dictionary<string, Severity?> ReadSeverities(string file, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            throw Error(file, node, "`lint.rules` must map rule ids to off, info, warning or error", "write e.g. `rules: { prefer-text-field: off }`");
        }

        var severities = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            Severity? severity = value is YamlScalarNode { Value: { } text } ? text switch
            {
                "off" or "false" => null,
                "info" => Severity.Info,
                "warning" => Severity.Warning,
                "error" => Severity.Error,
                _ => throw Error(file, value, $"`{text}` is not a severity", "use off, info, warning or error"),
            } : throw Error(file, value, "a rule's setting must be off, info, warning or error", "write e.g. `prefer-text-field: off`");
            foreach (var id in ExpandRule(file, keyNode, Key(file, keyNode)))
            {
                severities[id] = severity;
            }
        }

        return severities;
    }

    private static YamlNode? ReadRoot(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new LintConfigException(
                $"{file}:{ex.Start.Line}:{ex.Start.Column}: error: invalid YAML: {ex.Message}\n  help: check the indentation and quoting around this place");
        }
        catch (IOException ex)
        {
            throw new LintConfigException($"{file}: error: cannot read the configuration: {ex.Message}");
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        var root = stream.Documents[0].RootNode;
        return root is YamlScalarNode { Value: null or "" } ? null : root;
    }

    private static bool HasLintSection(string agentFile)
    {
        try
        {
            return ReadRoot(agentFile) is YamlMappingNode mapping && mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: "lint" });
        }
        catch (LintConfigException)
        {
            // A broken agent.yaml is reported by the commands that use it; for lint it is simply not a configuration.
            return false;
        }
    }

    private static string? Suggest(string key, IEnumerable<string> known) =>
        known.Select(k => (Key: k, Distance: DatabaseExpert.Common.EditDistance.Of(k.ToUpperInvariant(), key.ToUpperInvariant())))
            .Where(c => c.Distance <= 3).OrderBy(c => c.Distance).Select(c => c.Key).FirstOrDefault();

    private static LintConfigException Error(string file, YamlNode node, string message, string help) =>
        new($"{file}:{node.Start.Line}:{node.Start.Column}: error: {message}\n  help: {help}");
}
