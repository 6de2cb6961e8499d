using EnergyAuction.Chain.Benchmarks;

// `<rpc-url> [count]`: pipelined contract calls against a node (scripts/bench-rpc.sh).
return args switch
{
    [var url] => await RpcThroughput.RunAsync(new Uri(url), 1000),
    [var url, var count] when int.TryParse(count, out var n) && n > 0 => await RpcThroughput.RunAsync(new Uri(url), n),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: EnergyAuction.Chain.Benchmarks <rpc-url> [count]");
    return 2;
}
