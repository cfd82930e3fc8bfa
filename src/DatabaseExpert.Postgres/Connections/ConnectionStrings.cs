using Npgsql;

namespace DatabaseExpert.Postgres.Connections;

/// <summary>Accepts what users paste: <c>postgres://</c> / <c>postgresql://</c> URLs (Neon, Supabase, Heroku style) or Npgsql keyword strings.</summary>
public static class ConnectionStrings
{
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
}
