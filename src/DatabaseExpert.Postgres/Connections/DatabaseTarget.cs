using Npgsql;

namespace DatabaseExpert.Postgres.Connections;

/// <summary>A database a command will use: a server given by URL or keyword string, or a fresh embedded ("shadow") cluster.</summary>
public sealed record DatabaseTarget(string Name, string? ConnectionString, bool ReadOnly)
{
    public const string ShadowName = "shadow";

    /// <summary>A fresh embedded cluster, thrown away afterwards. Writable: nothing in it matters.</summary>
    public static DatabaseTarget Shadow { get; } = new(ShadowName, null, ReadOnly: false);

    public bool IsShadow => ConnectionString is null;

    /// <summary>Neon's pooled endpoints (<c>ep-…-pooler.…</c>) run PgBouncer in transaction mode: no session state survives a transaction.</summary>
    public bool IsNeonPooler => Host?.Contains("-pooler.", StringComparison.OrdinalIgnoreCase) == true;

    public string? Host => ConnectionString is null ? null : new NpgsqlConnectionStringBuilder(ConnectionString).Host;

    /// <summary>For messages: <c>name (user@host:port/db)</c>, never the password.</summary>
    public string Display
    {
        get
        {
            if (ConnectionString is null)
            {
                return "shadow (embedded throwaway cluster)";
            }

            var where = DatabaseTargets.Describe(new NpgsqlConnectionStringBuilder(ConnectionString));
            return Name == where ? where : $"{Name} ({where})";
        }
    }

    public override string ToString() => Display;
}

/// <summary>A database named in agent.yaml's <c>databases:</c> section.</summary>
public sealed record NamedDatabase(string Name, string Url, bool ReadOnly);

/// <summary>Resolves <c>--db</c> the documented way: shadow, a configured name, a URL or keyword string, then the defaults.</summary>
public static class DatabaseTargets
{
    public const string EnvironmentVariable = "DATABASE_URL";

    /// <param name="requested">The <c>--db</c> value, or null.</param>
    /// <param name="named">Databases named in agent.yaml.</param>
    /// <param name="configuredDefault">agent.yaml <c>databases.default</c> (a URL or a name), or null.</param>
    /// <param name="defaultReadOnly">agent.yaml <c>databases.readOnly</c>: applies to URLs given directly and to the default.</param>
    /// <param name="getVariable">Environment lookup (for DATABASE_URL).</param>
    /// <exception cref="DatabaseTargetException">Nothing is configured, or the value cannot be parsed.</exception>
    public static DatabaseTarget Resolve(
        string? requested, IReadOnlyList<NamedDatabase> named, string? configuredDefault, bool defaultReadOnly, Func<string, string?> getVariable)
    {
        var (value, source) = !string.IsNullOrWhiteSpace(requested) ? (requested.Trim(), "--db")
            : !string.IsNullOrWhiteSpace(configuredDefault) ? (configuredDefault.Trim(), "databases.default in agent.yaml")
            : getVariable(EnvironmentVariable) is { Length: > 0 } env ? (env.Trim(), EnvironmentVariable)
            : (null, null);
        if (value is null)
        {
            throw new DatabaseTargetException(
                "no database given: pass --db <postgres://…|name|shadow>, set DATABASE_URL, or set databases.default in agent.yaml");
        }

        if (value.Equals(DatabaseTarget.ShadowName, StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseTarget.Shadow;
        }

        if (named.FirstOrDefault(n => n.Name.Equals(value, StringComparison.Ordinal)) is { } entry)
        {
            return new DatabaseTarget(entry.Name, Parse(entry.Url, $"databases.{entry.Name}"), entry.ReadOnly);
        }

        var looksLikeConnection = ConnectionStrings.IsUrl(value) || value.Contains('=', StringComparison.Ordinal);
        if (!looksLikeConnection)
        {
            var known = named.Count == 0 ? "no databases are named in agent.yaml" : $"named databases: {string.Join(", ", named.Select(n => n.Name))}";
            throw new DatabaseTargetException($"{source} '{value}' is neither a postgres:// URL, a keyword string, 'shadow', nor a configured name ({known})");
        }

        var connectionString = Parse(value, source!);
        return new DatabaseTarget(Describe(new NpgsqlConnectionStringBuilder(connectionString)), connectionString, defaultReadOnly);
    }

    /// <summary><c>user@host:port/database</c>: how a database is named in messages when it has no name of its own.</summary>
    internal static string Describe(NpgsqlConnectionStringBuilder b) =>
        $"{(b.Username is { Length: > 0 } u ? u + "@" : string.Empty)}{b.Host}:{b.Port}/{b.Database}";

    private static string Parse(string value, string source)
    {
        try
        {
            var connectionString = ConnectionStrings.ToNpgsql(value);
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return connectionString;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new DatabaseTargetException($"{source}: {ConnectionStrings.Redact(ex.Message)}");
        }
    }
}

/// <summary>The database option cannot be used as given; the message says what to change.</summary>
public sealed class DatabaseTargetException(string message) : Exception(message);
