using BenchmarkDotNet.Attributes;
using DatabaseExpert.Postgres.Shadow;

namespace DatabaseExpert.Benchmarks;

/// <summary>
/// A shadow cluster from the cached template: copy, start, first connection, then immediate shutdown and removal.
/// This is what every <c>dbx trace</c> and every test process pays. Slow by BenchmarkDotNet standards, hence few runs.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ShadowClusterStartupBenchmarks
{
    private readonly ShadowClusterOptions _options = new();
    private ShadowClusterStartup? _lastStartup;

    [GlobalSetup]
    public async Task WarmTemplate()
    {
        _options.Binaries = PostgresBinaries.Locate();
        // Builds the template if this machine has none yet, so that the benchmark measures the warm path only.
        await using var cluster = await ShadowCluster.StartAsync(_options);
    }

    [Benchmark]
    public async Task StartReadyDispose()
    {
        var cluster = await ShadowCluster.StartAsync(_options);
        _lastStartup = cluster.Startup;
        await cluster.DisposeAsync();
    }

    [GlobalCleanup]
    public void Report() =>
        Console.WriteLine($"// last start: copy {_lastStartup?.Copy.TotalMilliseconds:0} ms, "
            + $"server {_lastStartup?.ServerStart.TotalMilliseconds:0} ms, total {_lastStartup?.Total.TotalMilliseconds:0} ms");
}
