using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Inertia.Benchmarks.FeedFiles).Assembly).Run(args);
