using EnergyAuction.Cli;

return await EnergyCli.RunAsync(args, Console.Out, Console.Error);
