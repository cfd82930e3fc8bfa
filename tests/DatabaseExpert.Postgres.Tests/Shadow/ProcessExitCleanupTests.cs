using System.Runtime.InteropServices;
using DatabaseExpert.Postgres.Shadow;
using DatabaseExpert.Postgres.Shadow.Internal;
using DatabaseExpert.Testing.Postgres;

namespace DatabaseExpert.Postgres.Tests.Shadow;

/// <summary>Stopping every live cluster would pull servers from under concurrent tests: this collection runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessExitCollection
{
    public const string Name = "shadow-process-exit";
}

[Collection(ProcessExitCollection.Name)]
public sealed class ProcessExitCleanupTests
{
    [Fact]
    public async Task StopAll_WhatProcessExitRuns_StopsEveryServerAndRemovesDirectories()
    {
        using var directory = new ShadowTestDirectory();
        var clusters = await Task.WhenAll(ShadowCluster.StartAsync(directory.Options()), ShadowCluster.StartAsync(directory.Options()));
        var pids = clusters.Select(c => c.ServerProcessId).ToList();

        LiveClusters.StopAll();

        Assert.All(clusters, c => Assert.True(c.IsDisposed));
        Assert.All(pids, pid => Assert.False(ProcessState.IsRunning(pid)));
        Assert.Empty(directory.ClusterDirectories());
        foreach (var cluster in clusters)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task SharedTestServer_StoppedByStopAll_IsReplacedOnNextUse()
    {
        var stopped = await PostgresServer.GetClusterAsync();

        LiveClusters.StopAll();
        await using var database = await PostgresServer.CreateDatabaseAsync("after_stop_all");

        Assert.True(stopped.IsDisposed);
        Assert.NotSame(stopped, database.Cluster);
        Assert.Equal(database.Name, await database.ScalarAsync<string>("SELECT current_database()"));
    }

    [Fact]
    public async Task TerminationSignal_NotCancelled_StopsClusters()
    {
        using var directory = new ShadowTestDirectory();
        var cluster = await ShadowCluster.StartAsync(directory.Options());
        var pid = cluster.ServerProcessId;

        LiveClusters.OnTerminationSignal(new PosixSignalContext(PosixSignal.SIGTERM));

        Assert.True(cluster.IsDisposed);
        Assert.False(ProcessState.IsRunning(pid));
        Assert.False(Directory.Exists(cluster.ClusterDirectory));
    }

    [Fact]
    public async Task TerminationSignal_CancelledByTheApplication_KeepsClustersRunning()
    {
        using var directory = new ShadowTestDirectory();
        await using var cluster = await ShadowCluster.StartAsync(directory.Options());

        LiveClusters.OnTerminationSignal(new PosixSignalContext(PosixSignal.SIGINT) { Cancel = true });

        Assert.False(cluster.IsDisposed);
        Assert.True(ProcessState.IsRunning(cluster.ServerProcessId));
    }
}
