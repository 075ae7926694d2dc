using Microsoft.AspNetCore.HostFiltering;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// The Host header is the client's to write. A malformed one (a port over 65535, an empty label,
/// a quote, nothing at all) is answered 400 before any page runs: pages and components that build
/// a Uri would throw on it. Which hosts are served at all is HostFiltering's job, configured here:
/// outside Development, without an explicit <c>AllowedHosts</c>, only the host of
/// <c>Site:BaseUrl</c> and loopback (health checks). No URL the site writes
/// comes from the Host header (<see cref="SiteOptions.BaseUrl"/>, relative redirects).
/// </summary>
public static class HostValidation
{
    public static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddPosaXHostFiltering(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        // After the host's own post-configuration, which turns a missing AllowedHosts into "*".
        services.PostConfigure<HostFilteringOptions>(o =>
        {
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false; // an empty 400, as UseValidHostOnly answers
            if (environment.IsDevelopment() || !string.IsNullOrWhiteSpace(configuration["AllowedHosts"])) return;
            var site = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
            o.AllowedHosts = [new Uri(site.BaseUrl).Host, .. Loopback];
        });

    public static IApplicationBuilder UseValidHostOnly(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (IsWellFormed(context.Request.Host)) return next(context);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.CompletedTask;
        });

    public static bool IsWellFormed(HostString host)
    {
        if (!host.HasValue) return false;
        var name = host.Host;
        if (Uri.CheckHostName(name.Trim('[', ']')) is not (UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6)) return false;
        var value = host.Value!;
        var colon = value.LastIndexOf(':');
        if (colon > value.LastIndexOf(']'))
        {
            var port = value[(colon + 1)..];
            if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit) || int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 65535)
                return false;
        }
        return Uri.TryCreate($"http://{value}/", UriKind.Absolute, out _);
    }
}
