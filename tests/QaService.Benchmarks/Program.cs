using BenchmarkDotNet.Running;
using QaService.Benchmarks;

// dotnet run -c Release --project tests/QaService.Benchmarks -- --filter '*'      (BenchmarkDotNet)
// dotnet run -c Release --project tests/QaService.Benchmarks -- scale [documents] [--dense]  (10,000-document run)
if (args is ["scale", ..])
{
    var count = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
    return ScaleRun.Run(count is null ? 10_000 : int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), dense: args.Contains("--dense"));
}

BenchmarkSwitcher.FromAssembly(typeof(ScaleRun).Assembly).Run(args);
return 0;
