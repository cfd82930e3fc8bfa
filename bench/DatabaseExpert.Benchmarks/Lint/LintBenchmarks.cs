using BenchmarkDotNet.Attributes;
using DatabaseExpert.Migrations.Lint;
using DatabaseExpert.Migrations.Model;
using DatabaseExpert.Migrations.Sources;

namespace DatabaseExpert.Benchmarks.Lint;

/// <summary>In-process lint throughput on the generated corpus (statements per second = statements / mean time).</summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private List<MigrationFile> _files = [];

    [Params(1000)]
    public int Files { get; set; }

    public int Statements { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"dbx-lint-bench-{Files}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        new MigrationCorpus(42).Write(folder, Files);
        _files = [.. MigrationSources.Read(folder, new MigrationSourceOptions { DisplayRoot = folder }).Files];
        Statements = MigrationLinter.Lint(_files, new LintOptions()).Summary.Statements;
        Console.WriteLine($"// {Files} files, {Statements} statements");
    }

    [Benchmark]
    public int Lint() => MigrationLinter.Lint(_files, new LintOptions()).Findings.Count;
}
