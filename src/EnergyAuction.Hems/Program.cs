using EnergyAuction.Hems;

HemsOptions options;
try
{
    options = HemsOptions.FromArgs(args, HemsOptions.Settings());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"hems: {e.Message}");
    Console.Error.WriteLine("usage: hems [--urls http://127.0.0.1:5080] [--data-dir DIR] [--households FILE] [--time-scale N] [--origin UNIX_SECONDS]");
    Console.Error.WriteLine($"       writes need a token from {HemsOptions.WriteTokenVariable} or WriteToken in appsettings.json");
    return 2;
}

try
{
    await HemsApp.Build(options, args).RunAsync();
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"hems: {e.Message}");
    return 2;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"hems: {e.Message}");
    return 1;
}
