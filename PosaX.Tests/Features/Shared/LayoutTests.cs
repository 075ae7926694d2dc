using AngleSharp.Html.Dom;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Admin;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Shared;

/// <summary>What every page carries: the header's search and menu.</summary>
public class LayoutTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly string[] PublicPages = ["/", "/oeuvres", "/artistes", "/connexion", "/inscription", "/mot-de-passe-oublie"];

    [Test]
    public async Task Every_page_has_the_header_search_sending_q_to_the_catalogue()
    {
        using var client = NewClient();
        foreach (var url in PublicPages)
        {
            var page = await client.GetPageAsync(url);
            var search = page.QuerySelector("header form[role=search]") as IHtmlFormElement;
            Assert.That(search, Is.Not.Null, url);
            Assert.Multiple(() =>
            {
                Assert.That(search!.GetAttribute("action"), Is.EqualTo("/oeuvres"), url);
                Assert.That(search.Method, Is.EqualTo("get"), url);
                Assert.That(search.QuerySelector("input[name=q][type=search]"), Is.Not.Null, url);
                Assert.That(search.QuerySelectorAll("input[name]").Length, Is.EqualTo(1), "q only: a search starts afresh");
            });
        }
    }

    [Test]
    public async Task A_signed_out_visitor_is_offered_login_and_registration()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/");
        Assert.That(MenuLinks(page), Is.EqualTo(new[] { "/oeuvres", "/artistes", "/connexion", "/inscription" }));
        Assert.That(page.GetElementById("logout-form"), Is.Null);
    }

    [Test]
    public async Task An_artist_has_atelier_orders_profile_and_logout_in_the_menu_but_no_administration()
    {
        var (client, _) = await Accounts.NewArtistAsync(App);
        using (client)
        {
            var page = await client.GetPageAsync("/profil");
            Assert.That(MenuLinks(page), Is.EqualTo(new[] { "/oeuvres", "/artistes", "/atelier/oeuvres", "/atelier/commandes", "/profil" }));
            Assert.That(page.QuerySelector("#site-menu #logout-form button"), Is.Not.Null);
        }
    }

    [Test]
    public async Task An_admin_also_has_administration_in_the_menu()
    {
        var email = NewEmail();
        const string password = "une phrase de passe d’administration";
        Assert.That(await AdminCommands.CreateAdminAsync(App.Services, ["create-admin", "--email", email, "--password", password], TextWriter.Null), Is.Zero);
        using var client = NewClient();
        Assert.That((await client.LoginAsync(email, password)).Success, Is.True);
        var page = await client.GetPageAsync("/oeuvres");
        Assert.That(MenuLinks(page), Does.Contain("/admin"));
    }

    private static string[] MenuLinks(IHtmlDocument page) =>
        page.QuerySelectorAll("#site-menu > a").Select(a => a.GetAttribute("href")!).ToArray();
}
