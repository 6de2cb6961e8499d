using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EnergyAuction.Market.Benchmarks;

// Short in-process runs pinned to one core: the targets are single-core figures, and the script
// must finish in minutes. Min is shown next to the mean because a busy shared machine inflates the
// mean. Pass BenchmarkDotNet arguments (e.g. --filter *Pairing*) through.
var config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithAffinity(1))
    .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromTypes([typeof(ClearingBenchmarks), typeof(PairingBenchmarks), typeof(FeederBenchmarks), typeof(MachineBaseline)]).Run(
    args.Contains("--filter") ? args : [.. args, "--filter", "*"], config);
