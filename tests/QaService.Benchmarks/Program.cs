using BenchmarkDotNet.Running;
using QaService.Benchmarks;

// dotnet run -c Release --project tests/QaService.Benchmarks -- --filter '*'      (BenchmarkDotNet)
// dotnet run -c Release --project tests/QaService.Benchmarks -- scale [documents]  (10,000-document run)
if (args is ["scale", ..])
{
    return ScaleRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
}

BenchmarkSwitcher.FromAssembly(typeof(ScaleRun).Assembly).Run(args);
return 0;
