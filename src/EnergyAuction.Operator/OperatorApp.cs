using System.Net;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Oracle;
using EnergyAuction.Operator.Status;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EnergyAuction.Operator;

/// <summary>
/// Builds the operator daemon: configuration, the <see cref="MarketStatus"/> the hosted services
/// report to, and the loopback <c>/health</c> and <c>/status</c> endpoints.
/// </summary>
public static partial class OperatorApp
{
    /// <summary>
    /// The daemon as a <see cref="WebApplication"/> (not started). Throws
    /// <see cref="OperatorOptionsException"/> when the configuration cannot work.
    /// </summary>
    /// <param name="args">Command-line flags (<see cref="OperatorConfiguration.Flags"/>).</param>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddOperatorSources(args);
        var options = OperatorConfiguration.Bind(builder.Configuration);

        builder.WebHost.UseUrls(options.StatusUrl);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MarketStatus>();
        builder.Services.AddSingleton(options.HemsFetch());
        builder.Services.AddHttpClient<HemsReadingFetcher>();
        builder.Services.AddSingleton(_ => new OracleCheckpointStore(options.CheckpointFile));

        var app = builder.Build();
        app.MapStatus(app.Services.GetRequiredService<MarketStatus>());
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EnergyAuction.Operator");
        LogConfigured(logger, options.RpcUrl!, options.DeploymentFile!, options.HemsBaseUrl,
            string.Join(",", options.AllowedHemsHosts()), options.ResolvedFeederDirectory(), options.WindowEverySeconds, options.Window.Mechanism);
        if (!IsLoopback(options.StatusUrl)) LogStatusNotLoopback(logger, options.StatusUrl);
        return app;
    }

    /// <summary>The first address a started daemon's status endpoint listens on.</summary>
    public static Uri StatusAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Market operator configured: chain {RpcUrl}, deployment {Deployment}, HEMS {Hems} (allowed hosts {AllowedHosts}), feeder {FeederDirectory}, a new window every {WindowEverySeconds} s (0 = none), mechanism {Mechanism}")]
    private static partial void LogConfigured(ILogger logger, string rpcUrl, string deployment, string hems, string allowedHosts, string feederDirectory, long windowEverySeconds, string mechanism);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status endpoint {StatusUrl} is not on loopback: anyone who can reach it sees the market state")]
    private static partial void LogStatusNotLoopback(ILogger logger, string statusUrl);
}
