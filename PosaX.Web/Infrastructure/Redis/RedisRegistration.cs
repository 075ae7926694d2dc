using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PosaX.Web.Infrastructure.Redis;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>
    /// A StackExchange.Redis configuration string (e.g. <c>redis:6379,password=…</c>). Empty: one
    /// instance, everything in process (the default). Set: the output cache is shared by every
    /// instance, and so are the rate limits.
    /// </summary>
    public string? Configuration { get; set; }

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:{nameof(Configuration)}"]);
}

/// <summary>
/// One connection to Redis for the whole process, shared by the output cache and the limits. It never
/// blocks a request on a Redis that is down: the first connection is made in the background, and while
/// disconnected every command fails at once (FailFast) instead of queuing, so callers fall back
/// (<see cref="SharedOutputCacheStore"/>) and a page is rendered meanwhile.
/// </summary>
public static class RedisRegistration
{
    public static IServiceCollection AddPosaXRedis(this IServiceCollection services)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var options = ConfigurationOptions.Parse(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration!);
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
            options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
            options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
            options.ClientName ??= "posax-" + Environment.MachineName + "-" + Environment.ProcessId;
            return ConnectionMultiplexer.Connect(options);
        });
        return services;
    }
}
