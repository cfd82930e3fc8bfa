using DatabaseExpert.Postgres.Advisor;
using DatabaseExpert.Postgres.Advisor.Internal.Statistics;
using DatabaseExpert.Postgres.Advisor.Internal.WhatIf;

namespace DatabaseExpert.Postgres.Tests.Advisor.Internal;

public sealed class ServerInfoTests
{
    [Fact]
    public void A_server_without_hypopg_gets_the_install_command_for_its_version()
    {
        var server = new ServerInfo(160004, "app", HypoPgSchema: null, HypoPgAvailable: false, StatStatementsSchema: null, StatStatementsAvailable: true);

        var error = Assert.Throws<AdvisorException>(server.RequireHypoPg);

        Assert.Equal(AdvisorErrorKind.HypoPgNotInstalled, error.Kind);
        Assert.False(error.IsUsageError);
        Assert.Contains("apt-get install postgresql-16-hypopg", error.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE EXTENSION hypopg; in database \"app\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Array_text_from_pg_stats_is_read_with_quotes_escapes_and_nulls() =>
        Assert.Equal(["delivered", "with space", "a\"b", null, "NULL"], PgArrayText.Parse("{delivered,\"with space\",\"a\\\"b\",NULL,\"NULL\"}"));
}
