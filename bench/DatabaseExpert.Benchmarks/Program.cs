using BenchmarkDotNet.Running;

// `corpus FOLDER FILES [SEED]` writes the lint corpus (bench/scripts/lint-1000.sh) instead of running benchmarks.
if (args is ["corpus", var folder, var files, ..])
{
    var statements = new DatabaseExpert.Benchmarks.Lint.MigrationCorpus(args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 42)
        .Write(folder, int.Parse(files, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"{files} files, {statements} statements in {folder}");
    return 0;
}

// Pick benchmarks with --filter, e.g. `dotnet run -c Release -- --filter '*ShadowCluster*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
