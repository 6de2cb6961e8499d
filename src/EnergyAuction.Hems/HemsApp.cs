using EnergyAuction.Hems.Api;
using EnergyAuction.Hems.Households;
using EnergyAuction.Hems.Profiles;
using EnergyAuction.Hems.Security;
using EnergyAuction.Hems.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using EnergyAuction.Data;
using EnergyAuction.Data.Profiles;

namespace EnergyAuction.Hems;

/// <summary>Builds the HEMS web application, for <c>dotnet run</c> and for tests or the demo in-process.</summary>
public static class HemsApp
{
    /// <summary>
    /// The HEMS as a <see cref="WebApplication"/> (not started). Use <c>Urls = "http://127.0.0.1:0"</c>
    /// for a free port and read it back with <see cref="BaseAddress"/> after start.
    /// </summary>
    /// <param name="options">Data, households, time scale and listen URLs.</param>
    /// <param name="args">Extra ASP.NET Core arguments (e.g. <c>--urls</c>, logging switches).</param>
    /// <param name="time">The clock; tests pass their own to pin "now".</param>
    public static WebApplication Build(HemsOptions options, string[]? args = null, TimeProvider? time = null)
    {
        options.Validate();
        var builder = WebApplication.CreateBuilder(args ?? []);
        var urls = options.Urls ?? builder.Configuration["urls"] ?? HemsOptions.DefaultUrl;
        builder.WebHost.UseUrls(urls);
        time ??= TimeProvider.System;
        builder.Services.AddSingleton(time);

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EnergyAuction.Hems");
        var profiles = ProfileData.Load(SharedDataDirectory.Resolve(options.DataDirectory), logger);
        var households = options.HouseholdsFile is null
            ? HouseholdsFile.Default(Math.Min(ProfileData.FeederLoadCount, profiles.Loads.Count))
            : HouseholdsFile.Read(options.HouseholdsFile, profiles.Loads.Count);
        var clock = new SimulatedClock(options.Origin ?? time.GetUtcNow().ToUnixTimeSeconds(), options.TimeScale, time);
        if (clock.Now - clock.Origin > HouseholdSimulation.HorizonSimulatedSeconds / clock.Scale)
            throw new ArgumentException($"--origin {clock.Origin} is more than ten simulated years ago at time scale {clock.Scale}");
        logger.LogInformation(
            "Metering {Count} households from origin {Origin} at time scale {Scale}",
            households.Count, clock.Origin, clock.Scale);
        if (options.WriteToken is null)
            logger.LogWarning("{WritesDisabled}", WritesDisabledMessage);
        app.MapHems(new Meters(households, profiles, clock), new WriteAuthorization(options.WriteToken));
        return app;
    }

    /// <summary>Logged at start when no write token is configured.</summary>
    public const string WritesDisabledMessage =
        "Writes are DISABLED: no write token is configured, so POST /meters/{id}/readings answers 403. "
        + "Set " + HemsOptions.WriteTokenVariable + " or WriteToken in appsettings.json to enable them.";

    /// <summary>The first address a started HEMS listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public static Uri BaseAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
