using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Npgsql;

namespace DatabaseExpert.Postgres.Connections;

/// <summary>Accepts what users paste: <c>postgres://</c> / <c>postgresql://</c> URLs (Neon, Supabase, Heroku style) or Npgsql keyword strings.</summary>
public static partial class ConnectionStrings
{
    public const string Mask = "***";

    /// <summary>Masks the password of every connection URL and keyword string in the text; nothing else changes.</summary>
    public static string Redact(string text) =>
        KeywordPassword().Replace(
            UrlPassword().Replace(text, m => $"{m.Groups["scheme"].Value}://{m.Groups["user"].Value}:{Mask}@"),
            m => $"{m.Groups["key"].Value}{m.Groups["sep"].Value}{Mask}");

    /// <summary>The password inside a connection URL, as written (percent-encoded) and decoded.</summary>
    public static bool TryGetUrlPassword(string? text, [NotNullWhen(true)] out string? raw, [NotNullWhen(true)] out string? decoded)
    {
        raw = decoded = null;
        if (text is null || UrlPassword().Match(text) is not { Success: true } match)
        {
            return false;
        }

        raw = match.Groups["password"].Value;
        decoded = Uri.UnescapeDataString(raw);
        return true;
    }

    public static bool IsUrl(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Converts a URL to an Npgsql keyword string (keyword strings pass through unchanged).</summary>
    /// <exception cref="FormatException">The URL cannot be parsed or has an unknown sslmode/channel_binding.</exception>
    public static string ToNpgsql(string urlOrKeywords)
    {
        var text = urlOrKeywords.Trim();
        if (!IsUrl(text))
        {
            return text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new FormatException("the database URL is malformed; expected postgres://user:password@host:5432/database");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
        };
        if (Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database)
        {
            builder.Database = database;
        }

        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]).ToLowerInvariant();
            var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
            switch (key)
            {
                case "sslmode":
                    builder.SslMode = ParseEnum<SslMode>(key, value.Replace("-", string.Empty, StringComparison.Ordinal));
                    break;
                case "channel_binding":
                    builder.ChannelBinding = ParseEnum<ChannelBinding>(key, value);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.TryParse(value, out var seconds) ? seconds : throw new FormatException($"connect_timeout '{value}' is not a number of seconds");
                    break;
                case "options":
                    builder.Options = value;
                    break;
            }
        }

        return builder.ConnectionString;
    }

    private static T ParseEnum<T>(string key, string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed)
            ? parsed
            : throw new FormatException($"{key}={value} is not supported; use one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}");

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*)://(?<user>[^:/@\s""']*):(?<password>[^@\s""'/]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<key>\b(?:password|pwd|passwd)\b)(?<sep>\s*=\s*)(?<value>'[^']*'|""[^""]*""|[^;\s'""]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPassword();
}
