using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Web.Features.Catalogue;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;
using static PosaX.Tests.Features.Catalogue.CatalogueData;

namespace PosaX.Tests.Features.Catalogue;

public class CatalogueTests(DatabaseProvider provider) : AppTest(provider)
{
    private string _word = "";
    private string _slug = "";
    private string Alpha => $"Alpha {_word}";
    private string Beta => $"Beta {_word}";
    private string Gamma => $"Gamma {_word}";

    [OneTimeSetUp]
    public async Task CreateThreeWorksAsync()
    {
        _word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Filtre " + _word);
        client.Dispose();
        _slug = await SlugOfAsync(App, email);
        var t = DateTime.UtcNow;
        // Alpha: paysage M peinture 50 000 disponible; Beta: portrait S sculpture 200 000 vendue; Gamma: carré L photo 800 000 réservée.
        await SeedArtworks.CreateAsync(App, email, Alpha, 50_000, "peinture", 60, 80, images: 0, createdAt: t.AddMinutes(-3));
        await SeedArtworks.CreateAsync(App, email, Beta, 200_000, "sculpture", 30, 20, depthCm: 15, status: ArtworkStatus.Sold, images: 0, createdAt: t.AddMinutes(-2));
        await SeedArtworks.CreateAsync(App, email, Gamma, 800_000, "photographie", 120, 120, status: ArtworkStatus.Reserved, images: 0, createdAt: t.AddMinutes(-1));
    }

    private async Task<string[]> TitlesForAsync(string query)
    {
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres?artiste={_slug}&{query}");
        return Titles(page, "#catalogue-results");
    }

    [Test]
    public async Task The_artist_filter_lists_only_that_artists_works_newest_first_with_the_count()
    {
        var (other, email) = await Accounts.NewArtistAsync(App, "Autre " + _word);
        other.Dispose();
        await SeedArtworks.CreateAsync(App, email, $"Delta {_word}", images: 0);

        using var client = NewClient();
        var all = await client.GetPageAsync($"/oeuvres?q={_word}");
        Assert.That(ResultCount(all), Is.EqualTo("4 œuvres"));
        var page = await client.GetPageAsync($"/oeuvres?q={_word}&artiste={_slug}");
        Assert.That(Titles(page, "#catalogue-results"), Is.EqualTo(new[] { Gamma, Beta, Alpha }));
        Assert.That(ResultCount(page), Is.EqualTo("3 œuvres"));
    }

    [TestCase("categorie=sculpture", "Beta")]
    [TestCase("categorie=photographie", "Gamma")]
    [TestCase("prixMin=100000", "Gamma,Beta")]
    [TestCase("prixMax=100000", "Alpha")]
    [TestCase("prixMin=100000&prixMax=500000", "Beta")]
    [TestCase("taille=S", "Beta")]
    [TestCase("taille=M", "Alpha")]
    [TestCase("taille=L", "Gamma")]
    [TestCase("orientation=portrait", "Beta")]
    [TestCase("orientation=paysage", "Alpha")]
    [TestCase("orientation=carre", "Gamma")]
    [TestCase("disponible=1", "Alpha")]
    [TestCase("tri=prix-asc", "Alpha,Beta,Gamma")]
    [TestCase("tri=prix-desc", "Gamma,Beta,Alpha")]
    [TestCase("tri=recent", "Gamma,Beta,Alpha")]
    public async Task Each_filter_narrows_the_list(string query, string expected)
    {
        var titles = await TitlesForAsync(query);
        Assert.That(titles, Is.EqualTo(expected.Split(',').Select(t => $"{t} {_word}").ToArray()));
    }

    [TestCase("prixMin=abc")]
    [TestCase("prixMax=-5")]
    [TestCase("prixMin=999999999999999999999999")]
    [TestCase("categorie=n-existe-pas")]
    [TestCase("taille=XXL&orientation=diagonale&tri=au-hasard&disponible=peut-etre")]
    [TestCase("apres=%21%21%21")]
    [TestCase("apres=Zm9v")]
    [TestCase("apres=MC45OTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ")]
    public async Task A_parameter_that_cannot_be_understood_is_ignored_not_a_500(string query)
    {
        Assert.That(await TitlesForAsync(query), Is.EqualTo(new[] { Gamma, Beta, Alpha }));
    }

    [Test]
    public async Task An_unknown_artist_is_ignored_too()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres?q={_word}&artiste=personne-{_word}");
        Assert.That(Titles(page, "#catalogue-results"), Is.EqualTo(new[] { Gamma, Beta, Alpha }));
    }

    [Test]
    public async Task The_filters_form_is_a_get_form_that_reflects_the_applied_filters()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres?artiste={_slug}&categorie=sculpture&taille=S&tri=prix-desc&prixMin=abc");
        var form = AppClient.Form(page, "catalogue-filters");
        Assert.Multiple(() =>
        {
            Assert.That(form.Method, Is.EqualTo("get"));
            Assert.That(form.Action, Does.EndWith("/oeuvres"));
            Assert.That(form.QuerySelector("details")!.HasAttribute("open"), Is.False, "closed on a phone: the active-filter chips say what is applied");
            Assert.That(form.QuerySelector("select[name=categorie] option[selected]")?.GetAttribute("value"), Is.EqualTo("sculpture"));
            Assert.That(form.QuerySelector("select[name=taille] option[selected]")?.GetAttribute("value"), Is.EqualTo("S"));
            Assert.That(form.QuerySelector("select[name=tri] option[selected]")?.GetAttribute("value"), Is.EqualTo("prix-desc"));
            Assert.That(form.QuerySelector("input[name=prixMin]")?.GetAttribute("value"), Is.Null.Or.Empty);
            Assert.That(form.QuerySelector("input[name=artiste]")?.GetAttribute("value"), Is.EqualTo(_slug));
        });
    }

    [Test]
    public async Task Hidden_works_and_works_of_unactivated_artists_never_appear()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Visible " + word);
        client.Dispose();
        await SeedArtworks.CreateAsync(App, email, $"Montree {word}", images: 0);
        await SeedArtworks.CreateAsync(App, email, $"Cachee {word}", images: 0, hidden: true);
        using var stranger = NewClient();
        var unactivated = NewEmail();
        Assert.That((await stranger.RegisterAsync(unactivated, "Inactif " + word)).Success, Is.True);
        await SeedArtworks.CreateAsync(App, unactivated, $"Inactive {word}", images: 0);

        var page = await stranger.GetPageAsync($"/oeuvres?q={word}");
        Assert.That(Titles(page, "#catalogue-results"), Is.EqualTo(new[] { $"Montree {word}" }));
        Assert.That(ResultCount(page), Is.EqualTo("1 œuvre"));
    }

    [Test]
    public async Task Keyset_pages_follow_each_other_without_gaps_or_duplicates_even_with_equal_dates()
    {
        var word = Word();
        var (client, email) = await Accounts.NewArtistAsync(App, "Pages " + word);
        client.Dispose();
        var slug = await SlugOfAsync(App, email);
        var same = DateTime.UtcNow.AddDays(-1);
        var ids = new List<long>();
        for (var i = 0; i < 27; i++)
            ids.Add(await SeedArtworks.CreateAsync(App, email, $"Page {word} {i:00}", price: 10_000 * (i % 5 + 1), images: 0, createdAt: same));

        using var visitor = NewClient();
        var first = await visitor.GetPageAsync($"/oeuvres?artiste={slug}");
        Assert.That(ResultCount(first), Is.EqualTo("27 œuvres"));
        var page1 = Titles(first, "#catalogue-results");
        Assert.That(page1, Has.Length.EqualTo(24));
        var next = first.GetElementById("next-page")?.GetAttribute("href");
        Assert.That(next, Does.Contain("apres=").And.Contain("artiste=" + slug));
        var second = await visitor.GetPageAsync(next!);
        var page2 = Titles(second, "#catalogue-results");
        Assert.That(second.GetElementById("next-page"), Is.Null);
        Assert.That(ResultCount(second), Is.EqualTo("27 œuvres"));

        // Equal dates: the id breaks the tie, newest id first.
        var expected = ids.OrderByDescending(id => id).Select(id => ids.IndexOf(id)).Select(i => $"Page {word} {i:00}").ToArray();
        Assert.That(page1.Concat(page2).ToArray(), Is.EqualTo(expected));

        // By price, ties broken by id: the same with the other keyset.
        var byPrice = await visitor.GetPageAsync($"/oeuvres?artiste={slug}&tri=prix-asc");
        var nextByPrice = await visitor.GetPageAsync(byPrice.GetElementById("next-page")!.GetAttribute("href")!);
        var expectedByPrice = ids.Select((id, i) => (id, i, price: 10_000 * (i % 5 + 1))).OrderBy(x => x.price).ThenBy(x => x.id)
            .Select(x => $"Page {word} {x.i:00}").ToArray();
        Assert.That(Titles(byPrice, "#catalogue-results").Concat(Titles(nextByPrice, "#catalogue-results")).ToArray(), Is.EqualTo(expectedByPrice));
    }

    [Test]
    public async Task The_keyset_is_a_row_value_comparison_on_postgresql_and_the_expanded_form_on_sqlite()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<ArtworkSearch>();
        var cursor = WebEncoders.Base64UrlEncode(Encoding.ASCII.GetBytes($"0.{DateTime.UtcNow.Ticks}.{long.MaxValue}"));

        var sql = await search.PageSqlAsync(new CatalogueQuery { Artist = _slug, After = cursor });

        TestContext.Out.WriteLine(sql);
        Assert.That(sql, Provider == DatabaseProvider.Postgres
            ? Does.Contain("(a.\"CreatedAt\", a.\"Id\") < (@")
            : Does.Contain("(\"a\".\"CreatedAt\" < @createdAt OR (\"a\".\"CreatedAt\" = @createdAt AND \"a\".\"Id\" <"));
    }
}
