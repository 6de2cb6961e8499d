using System.Net;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Operator.Batches;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Clearing;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Oracle;
using EnergyAuction.Operator.Services;
using EnergyAuction.Operator.Settlement;
using EnergyAuction.Operator.Status;
using EnergyAuction.Operator.Windows;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace EnergyAuction.Operator;

/// <summary>
/// The operator daemon's composition root: configuration, the connection to the market as the
/// operator, the hosted services (PhaseDriver, Clearing, OracleJob, Settlement), the
/// <see cref="MarketStatus"/> they report to, and the loopback <c>/health</c>, <c>/status</c> and <c>/metrics</c>.
/// </summary>
public static partial class OperatorApp
{
    /// <summary>
    /// The daemon as a <see cref="WebApplication"/> (not started), configured from appsettings.json,
    /// the environment and <paramref name="args"/> (<see cref="OperatorSettings"/>); the options are
    /// validated by <see cref="OperatorOptionsValidator"/> here and again on start. Throws
    /// <see cref="OperatorOptionsException"/> listing every problem when the configuration cannot work.
    /// </summary>
    /// <param name="args">Command-line flags (<see cref="OperatorConfiguration.Flags"/>).</param>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddOperatorSources(args);
        builder.Services.AddOptions<OperatorOptions>().Bind(builder.Configuration).ValidateOnStart();
        return Build(builder);
    }

    /// <summary>
    /// The daemon with options given directly (tests, benchmarks); <paramref name="logging"/> may add log sinks.
    /// Throws <see cref="OperatorOptionsException"/> when the options cannot work.
    /// </summary>
    public static WebApplication Build(OperatorOptions options, Action<ILoggingBuilder>? logging = null)
    {
        var problems = OperatorOptionsValidator.Problems(options);
        if (problems.Count > 0) throw new OperatorOptionsException(problems);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        return Build(builder);
    }

    /// <summary>The first address a started daemon's status endpoint listens on.</summary>
    public static Uri StatusAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>
    /// Checks, before the hosted services start, that the daemon can operate the market: the chain answers, the
    /// deployment's contracts are on it and the key holds the operator's rights. Returns one line saying what is
    /// wrong and what to do, or null.
    /// </summary>
    /// <remarks>When it can operate, also logs whether the feeder registry holds the feeder's distances (a warning when not).</remarks>
    public static async Task<string?> PreflightAsync(WebApplication app, CancellationToken ct = default)
    {
        var chain = app.Services.GetRequiredService<OperatorChain>();
        var options = app.Services.GetRequiredService<OperatorOptions>();
        var problem = await OperatorPreflight.ProblemAsync(chain, options, ct);
        if (problem is null)
            await FeederRegistryWarning.LogAsync(chain, options.ResolvedFeederDirectory(),
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EnergyAuction.Operator.Feeder"), ct);
        return problem;
    }

    private static WebApplication Build(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OperatorOptions>>().Value);
        // Every HEMS request would otherwise log four lines; the oracle job logs what matters in the market's words.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        services.AddSingleton<OperatorMetrics>();
        services.AddSingleton(sp => Connect(sp.GetRequiredService<OperatorOptions>(), sp.GetRequiredService<OperatorMetrics>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MarketStatus>();
        services.AddHttpClient(nameof(Reachability));
        services.AddSingleton<Reachability>();
        services.AddSingleton<ActiveWindows>();
        services.AddSingleton<MatchedOrders>();
        services.AddSingleton<GasBudget>();
        services.AddSingleton<BudgetedBatches>();
        services.AddSingleton(sp => FeederSource.Load(sp.GetRequiredService<OperatorOptions>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("EnergyAuction.Operator.Feeder")));
        services.AddSingleton(sp => sp.GetRequiredService<OperatorFeeder>().Distances);
        services.AddSingleton(sp => sp.GetRequiredService<OperatorOptions>().HemsFetch());
        services.AddHttpClient<HemsReadingFetcher>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<OracleCheckpoints>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<OperatorOptions>();
            return new OracleRequestPolicy(sp.GetRequiredService<OperatorChain>().Deployment.EnergyOracleClient, o.AllowedHemsHosts());
        });
        // A stop tells every loop at once instead of waiting for one service's round before telling the next.
        services.Configure<HostOptions>(host => host.ServicesStopConcurrently = true);
        services.AddHostedService<PhaseDriver>();
        services.AddHostedService<ClearingService>();
        services.AddHostedService<OracleJob>();
        services.AddHostedService<SettlementService>();

        var app = builder.Build();
        var options = Resolve(app);
        var chain = app.Services.GetRequiredService<OperatorChain>();
        app.Urls.Add(options.StatusUrl);
        var metrics = app.Services.GetRequiredService<OperatorMetrics>();
        app.MapStatus(app.Services.GetRequiredService<MarketStatus>());
        app.MapHealthAndMetrics(app.Services.GetRequiredService<MarketStatus>(), app.Services.GetRequiredService<Reachability>(), metrics, options,
            app.Services.GetRequiredService<TimeProvider>());
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EnergyAuction.Operator");
        LogConfigured(logger, options.RpcUrl!, chain.Account, options.DeploymentFile!, options.HemsBaseUrl,
            string.Join(",", options.AllowedHemsHosts()), options.ResolvedFeederDirectory(), options.WindowEverySeconds, options.Window.Mechanism);
        if (!IsLoopback(options.StatusUrl)) LogStatusNotLoopback(logger, options.StatusUrl);
        return app;
    }

    /// <summary>The validated options; a binding or validation failure becomes one <see cref="OperatorOptionsException"/> listing every problem.</summary>
    private static OperatorOptions Resolve(WebApplication app)
    {
        try
        {
            return app.Services.GetRequiredService<OperatorOptions>();
        }
        catch (OptionsValidationException e)
        {
            throw new OperatorOptionsException(e.Failures.ToList());
        }
        catch (InvalidOperationException e) when (e.InnerException is not OperatorOptionsException)
        {
            throw new OperatorOptionsException([OperatorConfiguration.BindingProblem(e)]);
        }
    }

    /// <summary>Reads the deployment record and unlocks the operator key; either failing is a configuration problem.</summary>
    private static OperatorChain Connect(OperatorOptions options, OperatorMetrics metrics)
    {
        try
        {
            return new OperatorChain(options, metrics);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or WrongPasswordException or FormatException
                                      or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new OperatorOptionsException([$"cannot connect as the operator: {e.Message}"]);
        }
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Market operator {Account} configured: chain {RpcUrl}, deployment {Deployment}, HEMS {Hems} (allowed hosts {AllowedHosts}), feeder {FeederDirectory}, a new window every {WindowEverySeconds} s (0 = none), mechanism {Mechanism}")]
    private static partial void LogConfigured(ILogger logger, string rpcUrl, string account, string deployment, string hems, string allowedHosts, string feederDirectory, long windowEverySeconds, string mechanism);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status endpoint {StatusUrl} is not on loopback: anyone who can reach it sees the market state")]
    private static partial void LogStatusNotLoopback(ILogger logger, string statusUrl);
}
