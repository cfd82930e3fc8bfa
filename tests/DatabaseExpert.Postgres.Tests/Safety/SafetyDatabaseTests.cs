using Npgsql;

namespace DatabaseExpert.Postgres.Tests.Safety;

/// <summary>The attack suite is only as good as its snapshot: each change an attack aims at must show in it.</summary>
public sealed class SafetyDatabaseTests(SafetyDatabase database) : IClassFixture<SafetyDatabase>
{
    [Fact]
    public async Task Snapshot_sees_every_kind_of_change()
    {
        // Cluster-wide changes (roles, ALTER SYSTEM) are left out: other test classes share the server.
        string[] changes =
        [
            "update victim set secret = 'pwned' where id = 1",
            "delete from orders where id = (select max(id) from orders)",
            "select nextval('invoice_number_seq')",
            "create table stolen (a int)",
            "grant select on victim to public",
            "create function extra() returns int language sql as 'select 1'",
            "select lo_from_bytea(0, 'x')",
            "comment on table victim is 'touched'",
        ];
        foreach (var change in changes)
        {
            var before = await database.SnapshotAsync();
            await database.Database.ExecuteAsync(change);
            Assert.True(before != await database.SnapshotAsync(), $"the snapshot missed: {change}");
        }

        // A session-level advisory lock held by another connection.
        await using var holder = await database.Database.OpenConnectionAsync();
        var beforeLock = await database.SnapshotAsync();
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_lock(7)", holder))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        Assert.NotEqual(beforeLock, await database.SnapshotAsync());
    }
}
