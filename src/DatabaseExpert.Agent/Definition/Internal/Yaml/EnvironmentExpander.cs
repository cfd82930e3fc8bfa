using System.Text;

namespace DatabaseExpert.Agent.Definition.Internal.Yaml;

/// <summary>
/// Expands <c>${VAR}</c> and <c>${VAR:-default}</c> in every scalar value (not in keys). Runs on the parsed tree, so
/// positions stay those of the file. <c>:-</c> applies when the variable is unset or empty, as in the shell.
/// </summary>
internal sealed class EnvironmentExpander(IReadOnlyDictionary<string, string?> environment, string file, DiagnosticBag diagnostics)
{
    public YamlNode? Expand(YamlNode? node) => node switch
    {
        YamlScalar scalar => ExpandScalar(scalar),
        YamlSequence sequence => new YamlSequence(sequence.Items.Select(i => Expand(i)!).ToList(), sequence.Position),
        YamlMapping mapping => new YamlMapping(
            mapping.Entries.Select(e => e with { Value = Expand(e.Value)! }).ToList(), mapping.Position),
        _ => node,
    };

    private YamlScalar ExpandScalar(YamlScalar scalar)
    {
        if (scalar.IsNull || !scalar.Value.Contains("${", StringComparison.Ordinal))
        {
            return scalar;
        }

        var text = scalar.Value;
        var errorsBefore = diagnostics.ErrorCount;
        var result = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var start = text.IndexOf("${", index, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, index, text.Length - index);
                break;
            }

            result.Append(text, index, start - index);
            var close = text.IndexOf('}', start + 2);
            if (close < 0)
            {
                diagnostics.Error(DiagnosticCodes.InvalidVariable, file, scalar.PositionOf(start),
                    "`${` is not closed by `}`", "write ${NAME} or ${NAME:-default}");
                result.Append(text, start, text.Length - start);
                break;
            }

            result.Append(Resolve(scalar, text[(start + 2)..close], start));
            index = close + 1;
        }

        return diagnostics.ErrorCount > errorsBefore ? scalar.AsInvalid() : scalar.WithValue(result.ToString());
    }

    private string Resolve(YamlScalar scalar, string reference, int offset)
    {
        var separator = reference.IndexOf(":-", StringComparison.Ordinal);
        var name = separator < 0 ? reference : reference[..separator];
        var fallback = separator < 0 ? null : reference[(separator + 2)..];
        if (!IsVariableName(name))
        {
            diagnostics.Error(DiagnosticCodes.InvalidVariable, file, scalar.PositionOf(offset),
                $"`${{{reference}}}` is not a valid variable reference",
                "names are letters, digits and `_`, not starting with a digit: ${NAME} or ${NAME:-default}");
            return string.Empty;
        }

        var value = environment.GetValueOrDefault(name);
        if (fallback is not null)
        {
            return string.IsNullOrEmpty(value) ? fallback : value;
        }

        if (value is null)
        {
            diagnostics.Warning(DiagnosticCodes.UndefinedVariable, file, scalar.PositionOf(offset),
                $"environment variable {name} is not set; using an empty value",
                $"set {name}, or give a default: ${{{name}:-value}}");
            return string.Empty;
        }

        return value;
    }

    private static bool IsVariableName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
