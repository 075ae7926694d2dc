using System.Net;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Features.Statistics;
using static PosaX.Tests.Features.Statistics.Counting;
using Reporting = PosaX.Tests.Features.Catalogue.Reporting;

namespace PosaX.Tests.Features.Statistics;

/// <summary>Views (the work page's beacon) and WhatsApp clicks, counted per work and day, without robots, written in batches.</summary>
public class CountingTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task Views_sent_by_the_beacon_of_a_cached_page_are_counted_per_day_once_the_batch_is_written()
    {
        var work = await Reporting.WorkAsync(App, "Vue");
        using var visitor = Visitor(App);
        await visitor.GetPageAsync(work.Path);
        var page = await visitor.GetPageAsync(work.Path); // from the cache
        Assert.That(page.QuerySelector("article.work-page")?.GetAttribute("data-view-beacon"), Is.EqualTo($"/oeuvres/{work.Id}/vue"));

        for (var i = 0; i < 3; i++)
        {
            using var beacon = await BeaconAsync(visitor, work.Id);
            Assert.That(beacon.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(beacon.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(beacon.Headers.Contains("Set-Cookie"), Is.False, "no cookie");
        }
        Assert.That(await TodayOfAsync(App, work.Id), Is.Null, "nothing written before the batch");

        await FlushAsync(App);
        Assert.That((await TodayOfAsync(App, work.Id))?.Views, Is.EqualTo(3), "rendering the page counted nothing; the beacons did");

        // The next batch adds to the day's row (the upsert), it does not replace it.
        using (var other = Visitor(App)) (await BeaconAsync(other, work.Id)).Dispose();
        (await BeaconAsync(visitor, work.Id)).Dispose();
        await FlushAsync(App);
        var today = await TodayOfAsync(App, work.Id);
        Assert.That((today?.Views, today?.Day), Is.EqualTo(((int?)5, (DateOnly?)StatisticsPeriod.DoualaDay(DateTime.UtcNow))));
        Assert.That(await App.WithDbAsync(db => db.ArtworkDailyStats.CountAsync(s => s.ArtworkId == work.Id)), Is.EqualTo(1), "one row a day");
    }

    [TestCase(Googlebot)]
    [TestCase("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [TestCase("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [TestCase("WhatsApp/2.23.20.0")]
    [TestCase("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [TestCase("curl/8.5.0")]
    [TestCase("")]
    public async Task A_robot_is_not_counted(string userAgent)
    {
        var work = await Reporting.WorkAsync(App, "Robot");
        using var robot = Visitor(App, userAgent);
        await robot.GetPageAsync(work.Path);
        using (var beacon = await BeaconAsync(robot, work.Id)) Assert.That(beacon.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (var click = await robot.Http.GetAsync(StatisticsFeature.WhatsAppLink(work.Id))) Assert.That(click.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        await FlushAsync(App);
        Assert.That(await TodayOfAsync(App, work.Id), Is.Null);

        // The same requests from a person's browser count.
        using var person = Visitor(App);
        (await BeaconAsync(person, work.Id)).Dispose();
        await FlushAsync(App);
        Assert.That((await TodayOfAsync(App, work.Id))?.Views, Is.EqualTo(1));
    }

    [Test]
    public async Task A_beacon_for_no_work_writes_nothing_and_spoils_no_batch()
    {
        var work = await Reporting.WorkAsync(App, "Lot");
        using var visitor = Visitor(App);
        (await BeaconAsync(visitor, long.MaxValue - 11)).Dispose();
        (await BeaconAsync(visitor, work.Id)).Dispose();

        await FlushAsync(App);

        Assert.That(await App.WithDbAsync(db => db.ArtworkDailyStats.AnyAsync(s => s.ArtworkId == long.MaxValue - 11)), Is.False);
        Assert.That((await TodayOfAsync(App, work.Id))?.Views, Is.EqualTo(1), "the rest of the batch is written");
    }

    [Test]
    public async Task The_WhatsApp_link_goes_through_a_counted_302_to_the_prefilled_chat()
    {
        var work = await Reporting.WorkAsync(App, "Discussion");
        using var visitor = Visitor(App);
        var page = await visitor.GetPageAsync(work.Path);
        var link = page.QuerySelector("#buy-bar a[data-whatsapp]")!;
        Assert.That(link.GetAttribute("href"), Is.EqualTo($"/oeuvres/{work.Id}/whatsapp"), "a plain link: works without JavaScript");
        Assert.That(link.GetAttribute("rel"), Does.Contain("nofollow"));

        using var click = await visitor.Http.GetAsync(link.GetAttribute("href"));

        Assert.That(click.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(click.Headers.CacheControl?.NoStore, Is.True, "never stored by a proxy: each click counts");
        var location = click.Headers.Location!.ToString();
        Assert.That(location, Does.StartWith("https://wa.me/237677123456?text="));
        var text = Uri.UnescapeDataString(location[(location.IndexOf("?text=", StringComparison.Ordinal) + 6)..]);
        Assert.That(text, Does.Contain(work.Title).And.Contain($"{PosaXApp.BaseUrl}{work.Path}"));
        using (var again = await visitor.Http.GetAsync(link.GetAttribute("href"))) Assert.That(again.Headers.Location!.ToString(), Is.EqualTo(location));

        await FlushAsync(App);
        var today = await TodayOfAsync(App, work.Id);
        Assert.That((today?.WhatsAppClicks, today?.Views), Is.EqualTo((2, 0)));
    }

    [Test]
    public async Task The_WhatsApp_link_of_a_hidden_or_unknown_work_is_404()
    {
        var hidden = await Reporting.WorkAsync(App, "Masquée", hidden: true);
        using var visitor = Visitor(App);
        using (var response = await visitor.Http.GetAsync(StatisticsFeature.WhatsAppLink(hidden.Id))) Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using (var response = await visitor.Http.GetAsync(StatisticsFeature.WhatsAppLink(long.MaxValue - 5))) Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await FlushAsync(App);
        Assert.That(await TodayOfAsync(App, hidden.Id), Is.Null);
    }
}
