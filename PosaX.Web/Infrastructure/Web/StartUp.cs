using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PosaX.Web.Infrastructure.Email;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// Where the site listens and what it says when it starts, for someone running it for the first
/// time: `dotnet run --project PosaX.Web` listens on <see cref="DefaultUrl"/> unless an address is
/// given (`--urls`, `ASPNETCORE_URLS`, `Urls` or Kestrel endpoints in configuration); in
/// Development without `Site__BaseUrl`, the links the site writes (mails, canonical URLs) follow
/// that address; and once listening it prints one short block: the address, where mails go, how to
/// create an admin.
/// </summary>
public static class StartUp
{
    public const string DefaultUrl = "http://localhost:5267";

    public static WebApplicationBuilder AddPosaXStartUp(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls) && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            urls = DefaultUrl;
            builder.WebHost.UseUrls(urls);
        }
        if (builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(configuration[$"{SiteOptions.Section}:BaseUrl"])
            && !string.IsNullOrWhiteSpace(urls))
        {
            var address = BrowsableAddress(urls);
            builder.Services.PostConfigure<SiteOptions>(site => site.BaseUrl = address);
        }
        builder.Services.AddHostedService<StartBanner>();
        return builder;
    }

    /// <summary>The first address of a `urls` list as a browser reaches it: a wildcard host becomes localhost.</summary>
    public static string BrowsableAddress(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
            if (first.Contains(wildcard, StringComparison.Ordinal)) first = first.Replace(wildcard, "://localhost");
        return first.TrimEnd('/');
    }

    /// <summary>Prints the start-up block once the server listens (its real addresses, port 0 included).</summary>
    private sealed class StartBanner(IHostApplicationLifetime lifetime, IServer server, IOptions<SiteOptions> site,
        IServiceProvider services, IHostEnvironment environment, ILogger<StartBanner> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(Print);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private void Print()
        {
            var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var mails = services.GetService<IEmailTransport>() is PickupDirectoryTransport pickup
                ? $"Mails are written as files to {pickup.Directory}"
                : "Mails are sent through SendGrid";
            logger.LogInformation(
                "PosaX ({Environment}) is listening on {Addresses}; its links say {BaseUrl}\n  {Mails}\n  Create an admin: dotnet run --project PosaX.Web -- create-admin --email you@example.com",
                environment.EnvironmentName, string.Join(", ", listening), site.Value.BaseUrl, mails);
        }
    }
}
