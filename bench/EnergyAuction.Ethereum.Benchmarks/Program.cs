using BenchmarkDotNet.Running;
using EnergyAuction.Ethereum.Benchmarks;

// `rpc <url> <artifact> [count]`: pipelined contract calls against a node (scripts/bench-rpc.sh).
// `micro [BenchmarkDotNet args]`: signing, ABI and RLP micro-benchmarks.
return args switch
{
    ["rpc", var url, var artifact] => await RpcThroughput.RunAsync(new Uri(url), artifact, 1000),
    ["rpc", var url, var artifact, var count] when int.TryParse(count, out var n) && n > 0 => await RpcThroughput.RunAsync(new Uri(url), artifact, n),
    ["micro", .. var rest] => Micro(rest),
    _ => Usage(),
};

static int Micro(string[] rest)
{
    BenchmarkRunner.Run<CodecBenchmarks>(args: rest);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: EnergyAuction.Ethereum.Benchmarks rpc <rpc-url> <ClientProbe artifact> [count]");
    Console.Error.WriteLine("       EnergyAuction.Ethereum.Benchmarks micro [BenchmarkDotNet options]");
    return 2;
}
