using DatabaseExpert.Postgres.Connections;
using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Connections;

public sealed class DatabaseTargetTests
{
    private static readonly IReadOnlyList<NamedDatabase> Named =
    [
        new("analytics", "postgres://reader:r3ad@replica.internal:5433/warehouse", ReadOnly: true),
        new("staging", "Host=staging;Database=shop;Username=app;Password=st4ge", ReadOnly: false),
    ];

    [Theory]
    [InlineData("--db wins", "postgres://a@h1/d1", "postgres://b@h2/d2", "postgres://c@h3/d3", "h1")]
    [InlineData("then agent.yaml", null, "postgres://b@h2/d2", "postgres://c@h3/d3", "h2")]
    [InlineData("then DATABASE_URL", null, null, "postgres://c@h3/d3", "h3")]
    public void The_database_comes_from_db_then_agent_yaml_then_the_environment(
        string because, string? requested, string? configured, string? environment, string expectedHost)
    {
        var target = DatabaseTargets.Resolve(requested, [], configured, defaultReadOnly: true, Env(environment));

        Assert.True(target.Host == expectedHost, because);
        Assert.True(target.ReadOnly);
    }

    [Fact]
    public void A_name_from_agent_yaml_takes_its_url_and_access()
    {
        var staging = DatabaseTargets.Resolve("staging", Named, null, defaultReadOnly: true, Env(null));
        var analytics = DatabaseTargets.Resolve(null, Named, "analytics", defaultReadOnly: false, Env(null));

        Assert.Equal(("staging", "staging", false), (staging.Name, staging.Host, staging.ReadOnly));
        Assert.Equal(("analytics", "replica.internal", true), (analytics.Name, analytics.Host, analytics.ReadOnly));
        Assert.Equal(5433, new NpgsqlConnectionStringBuilder(analytics.ConnectionString).Port);
    }

    [Fact]
    public void Shadow_is_a_writable_embedded_cluster()
    {
        var target = DatabaseTargets.Resolve("SHADOW", Named, "analytics", defaultReadOnly: true, Env(null));

        Assert.True(target.IsShadow);
        Assert.False(target.ReadOnly);
        Assert.Null(target.ConnectionString);
    }

    [Fact]
    public void Urls_carry_port_database_credentials_and_tls_settings_into_npgsql()
    {
        var target = DatabaseTargets.Resolve(
            "postgresql://app%40corp:p%3Ass@ep-cool-name-123456-pooler.eu-central-1.aws.neon.tech:6543/neondb?sslmode=require&channel_binding=require&application_name=x",
            [], null, defaultReadOnly: true, Env(null));
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);

        Assert.Equal(("app@corp", "p:ss", "neondb", 6543), (builder.Username, builder.Password, builder.Database, builder.Port));
        Assert.Equal((SslMode.Require, ChannelBinding.Require), (builder.SslMode, builder.ChannelBinding));
        Assert.True(target.IsNeonPooler);
        Assert.DoesNotContain("p:ss", target.Display, StringComparison.Ordinal);
        Assert.Equal("app@corp@ep-cool-name-123456-pooler.eu-central-1.aws.neon.tech:6543/neondb", target.Display);
    }

    [Theory]
    [InlineData(null, null, "no database given: pass --db")]
    [InlineData("prod", null, "--db 'prod' is neither a postgres:// URL, a keyword string, 'shadow', nor a configured name (named databases: analytics, staging)")]
    [InlineData("postgres://u:pw@h/d?sslmode=sometimes", null, "--db: sslmode=sometimes is not supported")]
    [InlineData(null, "postgres://u:pw@h/d?channel_binding=maybe", "databases.default in agent.yaml: channel_binding=maybe is not supported")]
    public void Unusable_values_say_what_and_how_to_fix_without_the_password(string? requested, string? configured, string expected)
    {
        var error = Assert.Throws<DatabaseTargetException>(() => DatabaseTargets.Resolve(requested, Named, configured, true, Env(null)));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_neon_pooler_target_gets_no_prepared_statements_and_no_session_reset()
    {
        var target = new DatabaseTarget("neon", "Host=ep-x-pooler.us-east-2.aws.neon.tech;Database=db;Username=u;Password=p", ReadOnly: true);
        await using var handle = await DatabaseHandle.OpenAsync(target);
        var builder = new NpgsqlConnectionStringBuilder(handle.ConnectionString);

        Assert.Equal((0, true, "dbx"), (builder.MaxAutoPrepare, builder.NoResetOnClose, builder.ApplicationName));
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_its_name_and_no_password()
    {
        var target = new DatabaseTarget("down", "Host=127.0.0.1;Port=1;Database=db;Username=u;Password=s3cret-pw;Timeout=2", ReadOnly: true);
        await using var handle = await DatabaseHandle.OpenAsync(target);

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => handle.OpenConnectionAsync());

        Assert.StartsWith("cannot connect to down (u@127.0.0.1:1/db):", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://u:secret@h:5432/d", "postgres://u:***@h:5432/d")]
    [InlineData("Host=h;Password=secret;Database=d", "Host=h;Password=***;Database=d")]
    [InlineData("connect to postgresql://u:se%2Fcret@h/d failed", "connect to postgresql://u:***@h/d failed")]
    public void Passwords_are_masked_in_any_text(string text, string expected) =>
        Assert.Equal(expected, ConnectionStrings.Redact(text));

    private static Func<string, string?> Env(string? databaseUrl) =>
        name => name == DatabaseTargets.EnvironmentVariable ? databaseUrl : null;
}
