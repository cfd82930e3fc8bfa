
using DatabaseExpert.Migrations.Model;

namespace DatabaseExpert.Migrations.Tests.Trace;

public sealed class LockModesTests
{
    [Theory]
    [InlineData(LockMode.AccessShare, false)]
    [InlineData(LockMode.RowShare, false)]
    [InlineData(LockMode.RowExclusive, false)]
    [InlineData(LockMode.ShareUpdateExclusive, false)]
    [InlineData(LockMode.Share, true)]
    [InlineData(LockMode.ShareRowExclusive, true)]
    [InlineData(LockMode.Exclusive, true)]
    [InlineData(LockMode.AccessExclusive, true)]
    public void Dangerous_modes_are_those_that_block_application_reads_writes_or_row_locks(LockMode mode, bool dangerous) =>
        Assert.Equal(dangerous, mode.IsDangerous());

    [Fact]
    public void Conflict_table_is_symmetric_and_matches_the_manual_corners()
    {
        foreach (var a in Enum.GetValues<LockMode>())
        {
            foreach (var b in Enum.GetValues<LockMode>())
            {
                Assert.Equal(a.ConflictsWith(b), b.ConflictsWith(a));
            }
        }

        Assert.True(LockMode.AccessExclusive.ConflictsWith(LockMode.AccessShare));
        Assert.False(LockMode.Exclusive.ConflictsWith(LockMode.AccessShare));
        Assert.True(LockMode.ShareUpdateExclusive.ConflictsWith(LockMode.ShareUpdateExclusive));
        Assert.False(LockMode.Share.ConflictsWith(LockMode.Share));
        Assert.False(LockMode.RowExclusive.ConflictsWith(LockMode.RowExclusive));
    }

    [Fact]
    public void What_each_dangerous_mode_blocks_is_named()
    {
        Assert.Equal("all reads and writes", LockMode.AccessExclusive.BlockedTraffic());
        Assert.Equal("writes (plain reads still run)", LockMode.Share.BlockedTraffic());
        Assert.StartsWith("writes and SELECT", LockMode.Exclusive.BlockedTraffic(), StringComparison.Ordinal);
        Assert.True(LockMode.AccessExclusive.Covers(LockMode.ShareRowExclusive));
        Assert.False(LockMode.Share.Covers(LockMode.ShareUpdateExclusive));
    }

    [Theory]
    [InlineData("AccessExclusiveLock", LockMode.AccessExclusive)]
    [InlineData("ShareLock", LockMode.Share)]
    public void Pg_lock_names_round_trip(string name, LockMode mode)
    {
        Assert.True(LockModes.TryParse(name, out var parsed));
        Assert.Equal(mode, parsed);
        Assert.Equal(name, mode.ToPgName());
    }

    [Fact]
    public void Predicate_locks_are_not_table_lock_modes() => Assert.False(LockModes.TryParse("SIReadLock", out _));
}
