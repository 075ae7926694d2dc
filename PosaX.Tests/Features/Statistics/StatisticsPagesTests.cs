using System.Net;
using AngleSharp.Html.Dom;
using PosaX.Tests.Features.Admin;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Atelier;
using static PosaX.Tests.Features.Statistics.Counting;

namespace PosaX.Tests.Features.Statistics;

/// <summary>/atelier/statistiques, the atelier list's figures and the admin dashboard's totals, from seeded counts and orders.</summary>
public class StatisticsPagesTests(DatabaseProvider provider) : AppTest(provider)
{
    private sealed record Seeded(AppClient Artist, long First, long Second, long OtherArtistsWork);

    /// <summary>
    /// Two works of one artist, counts on days 0 (today), 3, 5, 20 and 60 days ago, orders today,
    /// 2, 10 and 50 days ago (one sold yesterday); and another artist's work with big numbers.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var (artist, email) = await Accounts.NewArtistAsync(App, "Fotso Amandine");
        var first = await SeedArtworks.CreateAsync(App, email, "Chiffres " + Guid.NewGuid().ToString("N")[..6]);
        var second = await SeedArtworks.CreateAsync(App, email, "Seconde " + Guid.NewGuid().ToString("N")[..6]);
        var (other, otherEmail) = await Accounts.NewArtistAsync(App, "Autre Artiste");
        other.Dispose();
        var others = await SeedArtworks.CreateAsync(App, otherEmail, "Ailleurs " + Guid.NewGuid().ToString("N")[..6]);

        var today = Today(App);
        await AddCountsAsync(App, first, today, views: 10, whatsApp: 2, added: 3, removed: 1);
        await AddCountsAsync(App, first, today.AddDays(-5), views: 20);
        await AddCountsAsync(App, first, today.AddDays(-20), views: 40, whatsApp: 1);
        await AddCountsAsync(App, first, today.AddDays(-60), views: 80);
        await AddCountsAsync(App, second, today.AddDays(-3), views: 5);
        await AddCountsAsync(App, others, today, views: 999, whatsApp: 99, added: 99);
        var now = DateTime.UtcNow;
        await AddOrderAsync(App, first, now.AddMinutes(-1));
        await AddOrderAsync(App, first, now.AddDays(-10));
        await AddOrderAsync(App, first, now.AddDays(-50));
        await AddOrderAsync(App, second, now.AddDays(-2), OrderStatus.Sold, updatedAt: now.AddDays(-1));
        await AddOrderAsync(App, others, now.AddMinutes(-2));
        return new Seeded(artist, first, second, others);
    }

    private static string Cell(IHtmlDocument page, string row, string measure) =>
        page.QuerySelector($"#work-stats {row} td[data-measure={measure}]")?.TextContent.Trim() ?? throw new AssertionException($"No {measure} in {row}.");

    [TestCase("7", 7, "30", "2", "3", "2", "1", "35", "5,7\u00A0%")]
    [TestCase("30", 30, "70", "3", "3", "3", "1", "75", "4\u00A0%")]
    [TestCase(null, 30, "70", "3", "3", "3", "1", "75", "4\u00A0%")]
    [TestCase("abc", 30, "70", "3", "3", "3", "1", "75", "4\u00A0%")]
    [TestCase("8", 30, "70", "3", "3", "3", "1", "75", "4\u00A0%")]
    [TestCase("90", 90, "150", "3", "3", "4", "1", "155", "2,6\u00A0%")]
    public async Task The_artist_sees_each_work_and_the_total_over_the_chosen_period_and_never_another_artists_works(
        string? periode, int days, string firstViews, string firstWhatsApp, string firstFavourites, string totalOrders, string totalSold,
        string totalViews, string conversion)
    {
        var seeded = await SeedAsync();
        using var artist = seeded.Artist;

        var page = await artist.GetPageAsync(AtelierStatisticsModel.Path + (periode is null ? "" : $"?periode={periode}"));

        var firstRow = $"tr[data-artwork-id='{seeded.First}']";
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.Contain("noindex"));
            Assert.That(page.QuerySelector(".period-switch a[aria-current=page]")?.GetAttribute("href"), Is.EqualTo($"?periode={days}"));
            Assert.That(page.QuerySelectorAll("#work-stats tbody tr").Select(r => r.GetAttribute("data-artwork-id")),
                Is.EquivalentTo(new[] { $"{seeded.First}", $"{seeded.Second}" }), "the artist's works only");
            Assert.That(page.Body!.TextContent, Does.Not.Contain("Ailleurs").And.Not.Contain("999"));
            Assert.That(Cell(page, firstRow, "views"), Is.EqualTo(firstViews));
            Assert.That(Cell(page, firstRow, "whatsapp"), Is.EqualTo(firstWhatsApp));
            Assert.That(Cell(page, firstRow, "favourites"), Is.EqualTo(firstFavourites));
            Assert.That(Cell(page, $"tr[data-artwork-id='{seeded.Second}']", "sold"), Is.EqualTo("1"));
            Assert.That(Cell(page, "tr[data-total]", "views"), Is.EqualTo(totalViews));
            Assert.That(Cell(page, "tr[data-total]", "orders"), Is.EqualTo(totalOrders));
            Assert.That(Cell(page, "tr[data-total]", "sold"), Is.EqualTo(totalSold));
            Assert.That(Cell(page, "tr[data-total]", "conversion"), Is.EqualTo(conversion));
            // A chart per measure, drawn on the server, each with its days as text.
            foreach (var measure in new[] { "views", "whatsapp", "favourites", "orders" })
            {
                Assert.That(page.QuerySelector($"#chart-{measure} svg rect"), Is.Not.Null, measure);
                Assert.That(page.QuerySelectorAll($"table[data-days={measure}] tbody tr"), Has.Length.EqualTo(days), measure);
            }
            Assert.That(page.QuerySelector("[data-total=views]")?.TextContent, Is.EqualTo(totalViews));
            Assert.That(page.QuerySelector("table[data-days=views] tbody tr td:last-child")?.TextContent, Is.EqualTo("10"), "today first: 10 views");
            Assert.That(page.QuerySelectorAll("#chart-views svg rect"), Has.Length.EqualTo(days switch { 7 => 3, 30 => 4, _ => 5 }), "one bar per day with views");
            Assert.That(page.QuerySelectorAll("script:not([src])"), Is.Empty, "no inline script, no chart library");
        });
    }

    [Test]
    public async Task The_statistics_are_for_signed_in_artists_and_the_atelier_list_shows_each_works_last_30_days()
    {
        using (var anonymous = NewClient())
        using (var response = await anonymous.Http.GetAsync(AtelierStatisticsModel.Path))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect).Or.EqualTo(HttpStatusCode.Found));

        var seeded = await SeedAsync();
        using var artist = seeded.Artist;
        var list = await artist.GetPageAsync("/atelier/oeuvres");
        Assert.That(list.QuerySelector($"li[data-artwork-id='{seeded.First}'] [data-figures]")?.TextContent, Is.EqualTo(AtelierTexts.Statistics.ListFigures(70, 2)));
        Assert.That(list.QuerySelector($"li[data-artwork-id='{seeded.Second}'] [data-figures]")?.TextContent, Is.EqualTo(AtelierTexts.Statistics.ListFigures(5, 1)));
        Assert.That(list.QuerySelector("#statistics-link")?.GetAttribute("href"), Is.EqualTo(AtelierStatisticsModel.Path));
    }

    [Test]
    public async Task The_admin_dashboard_shows_the_sites_totals_over_7_30_and_90_days()
    {
        var (admin, _) = await CategoriesTests.SignedInAdminAsync(App);
        using var _admin = admin;
        var before = await ActivityAsync(admin);

        var seeded = await SeedAsync();
        seeded.Artist.Dispose();

        var after = await ActivityAsync(admin);
        int Added(string measure, int days) => after[(measure, days)] - before[(measure, days)];
        Assert.Multiple(() =>
        {
            Assert.That(new[] { Added("views", 7), Added("views", 30), Added("views", 90) }, Is.EqualTo(new[] { 999 + 35, 999 + 75, 999 + 155 }));
            Assert.That(new[] { Added("whatsapp", 7), Added("whatsapp", 30), Added("whatsapp", 90) }, Is.EqualTo(new[] { 99 + 2, 99 + 3, 99 + 3 }));
            Assert.That(new[] { Added("favourites-added", 7), Added("favourites-removed", 7) }, Is.EqualTo(new[] { 99 + 3, 1 }));
            Assert.That(new[] { Added("orders", 7), Added("orders", 30), Added("orders", 90) }, Is.EqualTo(new[] { 3, 4, 5 }));
            Assert.That(Added("sold", 30), Is.EqualTo(1));
        });
    }

    private static async Task<Dictionary<(string Measure, int Days), int>> ActivityAsync(AppClient admin)
    {
        var page = await admin.GetPageAsync("/admin");
        var table = page.GetElementById("site-activity") ?? throw new AssertionException("No #site-activity.");
        Assert.That(table.QuerySelectorAll("thead th[data-period]").Select(t => t.GetAttribute("data-period")), Is.EqualTo(new[] { "7", "30", "90" }));
        var values = new Dictionary<(string, int), int>();
        foreach (var row in table.QuerySelectorAll("tbody tr[data-measure]"))
            foreach (var cell in row.QuerySelectorAll("td[data-period]"))
                if (row.GetAttribute("data-measure") != "conversion")
                    values[(row.GetAttribute("data-measure")!, int.Parse(cell.GetAttribute("data-period")!))] =
                        int.Parse(new string(cell.TextContent.Where(char.IsDigit).ToArray()));
        return values;
    }
}
