using System.Diagnostics;
using DatabaseExpert.Postgres.Shadow;
using DatabaseExpert.Postgres.Shadow.Internal;

namespace DatabaseExpert.Postgres.Tests.Shadow;

public sealed class StaleClusterSweepTests
{
    [Fact]
    public async Task StartAsync_RemovesTheDirectoryOfADeadOwner()
    {
        using var directory = new ShadowTestDirectory();
        var stale = Directory.CreateDirectory(Path.Combine(directory.Clusters, "c-from-dead-process")).FullName;
        Directory.CreateDirectory(Path.Combine(stale, "data"));
        DeadOwner().WriteTo(stale);

        await using var cluster = await ShadowCluster.StartAsync(directory.Options());

        Assert.False(Directory.Exists(stale));
        Assert.Equal([cluster.ClusterDirectory], directory.ClusterDirectories());
    }

    [Fact]
    public async Task StartAsync_StopsTheServerLeftRunningByAKilledOwner()
    {
        using var directory = new ShadowTestDirectory();
        var orphan = await ShadowCluster.StartAsync(directory.Options());
        var orphanPid = orphan.ServerProcessId;
        // What a SIGKILLed owner leaves: a running server in a directory whose owner is gone.
        DeadOwner().WriteTo(orphan.ClusterDirectory);

        await using var cluster = await ShadowCluster.StartAsync(directory.Options());

        Assert.False(Directory.Exists(orphan.ClusterDirectory));
        Assert.False(ProcessState.IsRunning(orphanPid));
        await orphan.DisposeAsync();
    }

    [Fact]
    public void Sweep_KeepsDirectoriesOfLiveOwnersAndFreshOwnerlessOnes()
    {
        using var directory = new ShadowTestDirectory();
        var live = Directory.CreateDirectory(Path.Combine(directory.Clusters, "c-live")).FullName;
        OwnerRecord.Current().WriteTo(live);
        var fresh = Directory.CreateDirectory(Path.Combine(directory.Clusters, "c-being-created")).FullName;

        var removed = StaleClusterSweeper.Sweep(directory.Clusters, TimeProvider.System);

        Assert.Empty(removed);
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(fresh));
    }

    [Fact]
    public void Sweep_RemovesOldOwnerlessDirectoriesAndOwnersWhosePidWasReused()
    {
        using var directory = new ShadowTestDirectory();
        var ownerless = Directory.CreateDirectory(Path.Combine(directory.Clusters, "c-ownerless")).FullName;
        Directory.SetLastWriteTimeUtc(ownerless, DateTime.UtcNow.AddHours(-1));
        var reused = Directory.CreateDirectory(Path.Combine(directory.Clusters, "c-reused-pid")).FullName;
        // Our pid, but a start time from the day before: the pid now belongs to another process.
        var current = OwnerRecord.Current();
        (current with { StartTicksUtc = current.StartTicksUtc - TimeSpan.TicksPerDay }).WriteTo(reused);

        var removed = StaleClusterSweeper.Sweep(directory.Clusters, TimeProvider.System);

        Assert.Equal(2, removed.Count);
        Assert.Empty(directory.ClusterDirectories());
    }

    /// <summary>The owner record of a process that has exited.</summary>
    private static OwnerRecord DeadOwner()
    {
        // A process that is still alive while its start time is read (a `true` may be gone already), then ended.
        using var process = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var started = process.StartTime.ToUniversalTime().Ticks;
        process.Kill();
        process.WaitForExit();
        return new OwnerRecord(process.Id, started);
    }
}
