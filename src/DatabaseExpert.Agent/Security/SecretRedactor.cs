using System.Text.RegularExpressions;
using DatabaseExpert.Postgres.Connections;

namespace DatabaseExpert.Agent.Security;

/// <summary>
/// Removes secrets from text before it is saved or logged: the values of known secret environment variables,
/// passwords in connection URLs and keyword connection strings, API-key-shaped tokens and bearer tokens.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    private readonly string?[] _sources;
    private readonly string[] _values;

    public SecretRedactor(IEnumerable<string?> secretValues)
    {
        _sources = secretValues.ToArray();
        // Longest first, so a secret that contains another is masked whole. Very short values would mask ordinary words.
        _values = _sources
            .Where(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length >= 6)
            .Select(v => v!.Trim())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)
            .ToArray();
    }

    /// <summary>Collects the secret values found in the given environment variables (and passwords inside URLs there).</summary>
    public static SecretRedactor FromEnvironment(IEnumerable<string> variableNames, Func<string, string?> getVariable)
    {
        return new SecretRedactor([]).With(variableNames.Select(getVariable));
    }

    /// <summary>Masks the password of a connection URL or keyword connection string; nothing else.</summary>
    public static string RedactConnection(string connection) => ConnectionStrings.Redact(connection);

    /// <summary>A redactor that also knows the given values and the passwords inside them (connection URLs).</summary>
    public SecretRedactor With(IEnumerable<string?> more)
    {
        var values = new List<string?>(_sources);
        foreach (var value in more)
        {
            values.Add(value);
            if (ConnectionStrings.TryGetUrlPassword(value, out var raw, out var decoded))
            {
                values.Add(decoded);
                values.Add(raw);
            }
        }

        return new SecretRedactor(values);
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var value in _values)
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return RedactPatterns(text);
    }

    /// <summary>
    /// Masks what looks like a secret whatever its value: connection passwords, <c>…_SECRET=</c> style assignments,
    /// bearer tokens and API-key-shaped tokens. Text that is shortened for display goes through this first, because a
    /// secret cut in half no longer matches anything.
    /// </summary>
    public static string RedactPatterns(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = RedactConnection(text);
        text = StructuredSecret().Replace(text, m => $"{m.Groups["key"].Value}{m.Groups["sep"].Value}{Quoted(m.Groups["value"].Value)}");
        text = SecretAssignment().Replace(text, m => $"{m.Groups["name"].Value}={Mask}");
        text = BearerToken().Replace(text, $"Bearer {Mask}");
        return ApiKeyToken().Replace(text, Mask);
    }

    /// <summary>Keeps a masked value's quotes, so masked JSON and YAML stay well-formed.</summary>
    private static string Quoted(string value) => value.Length > 0 && value[0] is '"' or '\'' ? $"{value[0]}{Mask}{value[0]}" : Mask;

    /// <summary><c>password: x</c> (YAML), <c>"password": "x"</c> (JSON) and the same for secret, token and api keys.</summary>
    [GeneratedRegex(@"(?<key>(?<![\w-])[""']?(?:password|passwd|pwd|secret|client_secret|api[_-]?key|access[_-]?token|auth[_-]?token|token)[""']?)(?<sep>\s*:\s*)(?<value>""[^""]*""|'[^']*'|[^\s,}\]]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StructuredSecret();

    [GeneratedRegex(@"\b(?<name>[A-Z][A-Z0-9_]*(?:API_KEY|SECRET|TOKEN|PASSWORD)[A-Z0-9_]*)=(?<value>[^\s'""]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9._~+/=-]{12,}", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"\b(?:sk-ant-[A-Za-z0-9_-]{10,}|sk-(?:proj-)?[A-Za-z0-9_-]{20,}|ctx7sk-[A-Za-z0-9_-]{10,}|npg_[A-Za-z0-9]{10,})", RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyToken();
}
