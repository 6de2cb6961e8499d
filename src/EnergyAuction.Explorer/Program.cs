using EnergyAuction.Explorer;

var options = ExplorerOptions.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine($"explorer: {options.Error}");
    Console.Error.WriteLine("usage: explorer --rpc URL --deployment FILE [--data-dir DIR] [--urls http://127.0.0.1:5100]");
    return 2;
}

var app = ExplorerApp.Build(options);
await app.RunAsync();
return 0;
