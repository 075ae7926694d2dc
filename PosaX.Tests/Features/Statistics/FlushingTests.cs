using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Statistics.Counting;

namespace PosaX.Tests.Features.Statistics;

/// <summary>The counts kept in memory reach the database by themselves: every few seconds, and when the app stops.</summary>
public class FlushingTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task Counts_are_written_every_flush_interval_without_being_asked()
    {
        var app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?> { ["Statistics:FlushInterval"] = "00:00:00.300" });
        var work = await Catalogue.Reporting.WorkAsync(app, "Minuterie");
        using var visitor = Visitor(app);
        (await BeaconAsync(visitor, work.Id)).Dispose();
        (await BeaconAsync(visitor, work.Id)).Dispose();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        int? views = null;
        while (DateTime.UtcNow < deadline && views != 2)
        {
            await Task.Delay(200);
            views = (await TodayOfAsync(app, work.Id))?.Views;
        }
        Assert.That(views, Is.EqualTo(2));
    }

    [Test]
    public async Task Counts_not_yet_written_are_written_when_the_app_stops()
    {
        var app = await TestApps.CreateDedicatedAsync(Provider, new Dictionary<string, string?> { ["Statistics:FlushInterval"] = "01:00:00" });
        var work = await Catalogue.Reporting.WorkAsync(app, "Arrêt");
        using (var visitor = Visitor(app))
        {
            (await BeaconAsync(visitor, work.Id)).Dispose();
            using var click = await visitor.Http.GetAsync($"/oeuvres/{work.Id}/whatsapp");
        }
        Assert.That(await TodayOfAsync(app, work.Id), Is.Null);

        var restarted = await app.RestartAsync();
        TestApps.Track(restarted);

        var today = Today(restarted);
        var row = await restarted.WithDbAsync(db => db.ArtworkDailyStats.AsNoTracking().SingleAsync(s => s.ArtworkId == work.Id && s.Day == today));
        Assert.That((row.Views, row.WhatsAppClicks), Is.EqualTo((1, 1)));
    }
}
