using System.Net;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using PosaX.Web.Infrastructure.Redis;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>Secure cookies everywhere but a developer's plain-http machine.</summary>
public static class CookieSecurity
{
    public static CookieSecurePolicy PolicyFor(IHostEnvironment environment) =>
        environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}

public static class WebRegistration
{
    public static WebApplicationBuilder AddPosaXWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        builder.AddPosaXStartUp();
        builder.AddPosaXLanguages();

        // A negative queue would refuse every public page's render with a 500 (ConcurrencyLimiterOptions): refused at start.
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.PageRenderQueue >= 0, "RateLimits:PageRenderQueue must be 0 or more.").ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Text.MarkdownRenderer>();
        services.AddPosaXValidators();

        // Each feature adds its own conventions (logins, routes, limits) in its XxxFeature.
        services.AddRazorPages(options => options.RootDirectory = "/Features")
            .AddMvcOptions(options =>
            {
                options.Filters.Add<AntiforgeryFailureAsJson>();
                options.Filters.Add<UnhandledMethods>();
                options.Filters.Add<StatusCodesAsJson>();
                // FluentValidation says what is required, with French messages; no duplicates.
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            });
        // Every cookie Secure outside Development, whatever the request's scheme: behind the TLS proxy
        // a request whose X-Forwarded-Proto is lost would otherwise get cookies a network can read.
        // Each cookie says it, and the cookie policy (UsePosaXWeb) enforces it on any other.
        var secure = CookieSecurity.PolicyFor(builder.Environment);
        services.Configure<CookiePolicyOptions>(o => o.Secure = secure);
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = secure);
        services.AddAntiforgery(options =>
        {
            options.HeaderName = "RequestVerificationToken";
            options.Cookie.Name = "posax.af";
            // Not Always here: antiforgery then refuses to issue a token on a request it sees as http
            // (a 500). The cookie policy marks its cookie Secure all the same.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Keep French readable in the HTML source: "é", not "&#xE9;".
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.LatinExtendedA,
            UnicodeRanges.GeneralPunctuation, UnicodeRanges.CurrencySymbols));

        // Policies are the features' (ClientRateLimits); every rejection answers the same way. Before them, the public
        // pages' renders take their turn (PageRenderQueue).
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PageRenderQueue.GlobalLimiter();
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                if (PageRenderQueue.Refused(context)) return;
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(new AjaxResponse(false,
                    InfrastructureTexts.Ajax.TooManyFromClient(seconds), null, AjaxResponse.NoErrors), ct);
            };
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind the reverse proxy of docker-compose/production; trusted proxies come from configuration.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Blank entries are skipped, so compose files can pass an optional ${VAR:-}.
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
                if (!string.IsNullOrWhiteSpace(proxy)) o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in builder.Configuration.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [])
                if (!string.IsNullOrWhiteSpace(network)) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddPosaXHostFiltering(builder.Configuration, builder.Environment);

        // Pages and JSON compressed for slow phone connections (static files come precompressed).
        // Over HTTPS too: the secrets in our pages (antiforgery tokens) change on every response,
        // which leaves BREACH nothing stable to guess.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "application/json", "application/xml", "text/plain", "image/svg+xml"];
        });
        // Anonymous public pages from memory (or Redis), evicted by tag when their content changes (PublicCache).
        services.AddOptions<PublicCacheOptions>().BindConfiguration(PublicCacheOptions.Section);
        services.AddOutputCache(PublicCache.AddPolicies);
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<PublicCacheOptions>>((o, cache) => o.SizeLimit = cache.Value.SizeLimitMegabytes * 1024L * 1024);
        services.AddSingleton<PublicCache>();
        // Work pages also go to disk (PageSnapshotStore): the output cache's own memory store, decorated.
        services.AddHttpContextAccessor();
        services.AddOptions<PageSnapshotOptions>().BindConfiguration(PageSnapshotOptions.Section);
        // One page of each kind asked for before /health/ready says yes (Production; WarmUp__Enabled).
        services.AddOptions<WarmUpOptions>().BindConfiguration(WarmUpOptions.Section);
        services.AddSingleton<StartUpWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<StartUpWarmUp>());
        services.AddHealthChecks().AddCheck<StartUpWarmUp>("warm-up", tags: ["ready"]);
        var memoryStore = services.Last(d => d.ServiceType == typeof(Microsoft.AspNetCore.OutputCaching.IOutputCacheStore));
        services.Remove(memoryStore);
        if (Redis.RedisOptions.IsConfigured(builder.Configuration))
        {
            // Several instances: one cache in Redis, evicted for all at once. The disk tier is per
            // instance and would need every other instance's evictions: off (Redis is the second tier).
            services.AddPosaXRedis();
            SharedOutputCacheStore.Register(services);
            // Limits and the report memory counted once for all instances (Throttles.cs, ReportThrottle).
            services.AddSingleton<SharedWindows>();
            services.PostConfigure<PageSnapshotOptions>(o => o.Enabled = false);
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PageSnapshotStore>(sp,
                (Microsoft.AspNetCore.OutputCaching.IOutputCacheStore)sp.GetRequiredService<Redis.SharedOutputCacheStore>()));
        }
        else
        {
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PageSnapshotStore>(sp,
                memoryStore.ImplementationInstance ?? memoryStore.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, memoryStore.ImplementationType!)));
        }
        services.AddSingleton<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>(sp => sp.GetRequiredService<PageSnapshotStore>());
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        return builder;
    }

    public static WebApplication UsePosaXWeb(this WebApplication app)
    {
        // When each request began, before it reads anything: a page snapshot rendered by a request
        // that began before a change is never served after it (PageSnapshotStore).
        app.Use((context, next) =>
        {
            context.Items[PageSnapshotStore.RequestStartItem] = DateTime.UtcNow.Ticks;
            return next(context);
        });
        // The language from the path, before anything that may answer (error pages, refusals, handlers).
        app.UsePathLanguage();
        app.UseValidHostOnly();
        app.UseCookiePolicy();
        var snapshots = app.Services.GetRequiredService<PageSnapshotStore>();
        app.Lifetime.ApplicationStopped.Register(snapshots.MarkCleanStop);
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UsePosaXExceptionHandler();
            app.UseHsts();
        }
        // Only GETs get the French error page: a failed POST keeps its JSON or empty body.
        app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) || HttpMethods.IsHead(c.Request.Method),
            branch => branch.UseStatusCodePagesWithReExecute("/erreur", "?code={0}"));
        app.UseTypeableQueries();
        app.UseFirstVisitLanguage();
        return app;
    }

    public static WebApplication MapPosaXEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        // Degraded is "not ready": the warm-up says Degraded while it runs (StartUpWarmUp.CheckHealthAsync), so
        // the probes of a start are warnings in the log, not errors, and the load balancer still waits.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapAntiforgeryToken();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        // Builds the pages' routes now (English ones included, EnglishPageRoutes): LocalizedPaths knows every
        // route before the first request, so a mail written at start-up gets English links too.
        _ = app.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorCollectionProvider>().ActionDescriptors;
        return app;
    }
}
