using DatabaseExpert.Agent.Definition.Internal.Yaml;

namespace DatabaseExpert.Agent.Definition.Internal.Schema;

/// <summary>
/// A mapping with known keys. Unknown keys are reported with "did you mean" suggestions; an empty value counts as
/// not set; a required key that is missing is reported at the mapping. With <see cref="Additional"/>, keys that are
/// not fields are entries checked against that shape instead of unknown keys.
/// </summary>
internal sealed class MapShape(IReadOnlyList<Field> fields, Shape? additional) : Shape
{
    public IReadOnlyList<Field> Fields { get; } = fields;

    public Shape? Additional { get; } = additional;

    public override string Expected => "a mapping";

    public override string Example(string key) => $"write `{key}:` followed by indented keys: {string.Join(", ", KnownKeys)}";

    private IEnumerable<string> KnownKeys => Fields.Where(f => f.IgnoredSeverity is null).Select(f => f.Name);

    public MapShape WithAdditional(Shape entries) => new(Fields, entries);

    public override YamlNode? Check(YamlNode node, string path, ShapeContext context)
    {
        if (node is not YamlMapping mapping)
        {
            WrongType(node, path.Length == 0 ? context.DocumentName : path, context);
            return null;
        }

        var accepted = new List<YamlEntry>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var name = entry.Key.Value;
            var keyPath = path.Length == 0 ? name : $"{path}.{name}";
            var field = Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
            // With free-form entries, a near-spelling of a field (`readonly` for `readOnly`) is still a typo, not an entry.
            if (field is null && (Additional is null || Fields.Any(f => Suggestions.SameIgnoringStyle(f.Name, name))))
            {
                ReportUnknown(entry.Key, path, context);
                continue;
            }

            present.Add(name);
            if (field?.IgnoredSeverity is { } severity)
            {
                context.Diagnostics.Report(severity, DiagnosticCodes.IgnoredKey, context.File, entry.Key.Position,
                    $"`{keyPath}` is ignored by dbx", field.IgnoredReason);
                continue;
            }

            if (entry.Value is YamlScalar { IsInvalid: true })
            {
                continue;
            }

            if (entry.Value is YamlScalar { IsEmpty: true })
            {
                present.Remove(name);
                continue;
            }

            if ((field?.Shape ?? Additional!).Check(entry.Value, keyPath, context) is { } value)
            {
                accepted.Add(entry with { Value = value });
            }
        }

        foreach (var field in Fields.Where(f => f.Required && !present.Contains(f.Name)))
        {
            var where = path.Length == 0 ? context.DocumentName : $"`{path}`";
            context.Diagnostics.Error(DiagnosticCodes.MissingKey, context.File, mapping.Position,
                $"{where} has no `{field.Name}`, which is required", field.Help ?? Example(field.Name));
        }

        return new YamlMapping(accepted, mapping.Position);
    }

    private void ReportUnknown(YamlScalar key, string path, ShapeContext context)
    {
        var known = KnownKeys.ToList();
        var suggestion = Suggestions.DidYouMean(key.Value, Fields.Select(f => f.Name));
        var where = path.Length == 0 ? context.DocumentName : $"`{path}`";
        var help = suggestion is null
            ? $"remove it; known keys here: {string.Join(", ", known)}"
            : $"{suggestion} (known keys here: {string.Join(", ", known)})";
        context.Diagnostics.Report(context.UnknownKeySeverity, DiagnosticCodes.UnknownKey, context.File, key.Position,
            $"unknown key `{key.Value}` in {where}", help);
    }
}
