using EnergyAuction.Operator;
using EnergyAuction.Operator.Options;

WebApplication app;
try
{
    app = OperatorApp.Build(args);
}
catch (OperatorOptionsException e)
{
    Console.Error.WriteLine("energy-operator: cannot start:");
    foreach (var problem in e.Problems) Console.Error.WriteLine($"  {problem}");
    Console.Error.WriteLine("See docs/OPERATOR.md for every setting.");
    return 2;
}

await app.RunAsync();
return 0;
