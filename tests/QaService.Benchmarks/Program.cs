using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/QaService.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
