using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PosaX.Web.Data;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Statistics;

/// <summary>
/// What visitors do with works, counted per work and per Douala day without identifying anyone:
/// page views (a beacon from the work page's script, so cached pages count too), clicks on the
/// work's WhatsApp link (/oeuvres/{id}/whatsapp), favourites (counted by Features/Favourites).
/// The artist reads them on /atelier/statistiques, the admin on /admin (<see cref="StatisticsReader"/>).
/// </summary>
public static class StatisticsFeature
{
    // In the page's language, as every link (LocalizedPaths): the WhatsApp message is then the page's.
    public static string ViewBeacon(long id) => LocalizedPaths.For($"/oeuvres/{id}/vue");
    public static string WhatsAppLink(long id) => LocalizedPaths.For($"/oeuvres/{id}/whatsapp");

    public static WebApplicationBuilder AddStatisticsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatisticsOptions>().BindConfiguration(StatisticsOptions.Section);
        builder.Services.AddSingleton<StatisticsCounter>();
        builder.Services.AddHostedService<StatisticsFlusher>();
        builder.Services.AddScoped<StatisticsReader>();
        return builder;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        // The view beacon (navigator.sendBeacon from work-page.js). No antiforgery token, on purpose:
        // it takes no input but the id in its URL, changes nothing but a counter, answers nothing,
        // and a forged call does exactly what opening the page does (which anyone can). A token would
        // cost every cached page a second request. Robots, and ids of no work, count nothing.
        app.MapLocalizedPost("/oeuvres/{id:long}/vue", (long id, HttpContext context, StatisticsCounter counter) =>
        {
            if (!Visitors.IsRobot(context.Request)) counter.Add(id, Measure.View);
            context.Response.Headers.CacheControl = "no-store";
            return Results.NoContent();
        });

        // The work's WhatsApp link: counted, then on to the same prefilled wa.me chat the page offered
        // before. A plain link: works without JavaScript. Never stored by a proxy (each click counts).
        app.MapLocalizedGet("/oeuvres/{id:long}/whatsapp", async (long id, HttpContext context, PosaXDbContext db, StatisticsCounter counter,
            IOptions<SiteOptions> site, CancellationToken ct) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            var work = await db.Artworks.AsNoTracking().OnSite().Where(a => a.Id == id && a.Artist.WhatsApp != null)
                .Select(a => new { a.Id, a.Slug, a.Title, a.Price, a.Status, a.Artist.WhatsApp }).FirstOrDefaultAsync(ct);
            if (work is null) return Results.NotFound();
            if (!Visitors.IsRobot(context.Request)) counter.Add(id, Measure.WhatsAppClick);
            var url = site.Value.Absolute(LocalizedPaths.For(ArtworkUrls.Page(work.Id, work.Slug))).AbsoluteUri;
            return Results.Redirect(WhatsAppNumber.ChatLink(work.WhatsApp!, ArtworkPageModel.ArtistMessageFor(work.Status, work.Title, work.Price, url)));
        });
        return app;
    }
}
