using BenchmarkDotNet.Attributes;
using DatabaseExpert.Postgres.Shadow;

namespace DatabaseExpert.Benchmarks;

/// <summary>
/// A first start on a machine with an empty template cache: initdb into the template, then copy, start, dispose.
/// The difference with <see cref="ShadowClusterStartupBenchmarks"/> is the one-off template creation cost.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class ShadowClusterStartupColdBenchmarks
{
    private readonly ShadowClusterOptions _options = new();
    private string _cacheRoot = "";

    [GlobalSetup]
    public void LocateBinaries() => _options.Binaries = PostgresBinaries.Locate();

    [IterationSetup]
    public void EmptyCache()
    {
        _cacheRoot = Path.Combine(Path.GetTempPath(), $"dbx-bench-cache-{Guid.NewGuid():N}");
        _options.CacheDirectory = _cacheRoot;
    }

    [Benchmark]
    public async Task InitdbStartReadyDispose()
    {
        await using var cluster = await ShadowCluster.StartAsync(_options);
    }

    [IterationCleanup]
    public void RemoveCache() => Directory.Delete(_cacheRoot, recursive: true);
}
