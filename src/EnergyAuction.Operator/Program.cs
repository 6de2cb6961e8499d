using EnergyAuction.Operator;
using EnergyAuction.Operator.Options;

if (args.Any(a => a is "--help" or "-h"))
{
    Console.Write(OperatorHelp.Text());
    return 0;
}

WebApplication app;
try
{
    app = OperatorApp.Build(args);
}
catch (OperatorOptionsException e)
{
    Console.Error.WriteLine("energy-operator: cannot start:");
    foreach (var problem in e.Problems) Console.Error.WriteLine($"  {problem}");
    Console.Error.WriteLine("energy-operator --help lists every setting; docs/OPERATOR.md explains them.");
    return 2;
}

if (await OperatorApp.PreflightAsync(app) is { } preflight)
{
    Console.Error.WriteLine($"energy-operator: cannot start: {preflight}");
    return 2;
}

await app.RunAsync();
return 0;
