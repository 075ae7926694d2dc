using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.Subscriptions;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Tests.Abuse;

/// <summary>
/// One cell of the matrix (or one fuzz session): the client that posts as <see cref="Role"/>, and the
/// people a recipe needs around it, made on demand. A suspended artist is signed in while the recipe
/// reads its pages, and suspended right before the post (<see cref="BeforePostAsync"/>).
/// </summary>
public sealed class Cell : IDisposable
{
    private readonly List<AppClient> _clients = [];
    private readonly Dictionary<string, object> _made = [];
    private Account? _owner;

    private Cell(AbuseWorld world, Role role, Account? actor, AppClient client)
    {
        (World, Role, Actor, Client) = (world, role, actor, client);
        _clients.Add(client);
    }

    public AbuseWorld World { get; }
    public Role Role { get; }
    /// <summary>The account that posts (null for an anonymous visitor).</summary>
    public Account? Actor { get; }
    public AppClient Client { get; private set; }

    public static async Task<Cell> CreateAsync(AbuseWorld world, Role role)
    {
        Account? actor = role switch
        {
            Role.Anonymous => null,
            Role.Admin => await world.SignedInAdminAsync(),
            _ => await world.SignedInArtistAsync(),
        };
        return new Cell(world, role, actor, actor?.Client ?? world.NewClient());
    }

    /// <summary>The artist who owns the recipe's work or order: the actor itself when it plays <see cref="Role.Artist"/>.</summary>
    public async Task<Account> OwnerAsync()
    {
        if (Role == Role.Artist) return Actor!;
        if (_owner is null)
        {
            _owner = await World.SignedInArtistAsync();
            _clients.Add(_owner.Client);
        }
        return _owner;
    }

    /// <summary>The owner's account when a recipe only needs its address (a work to seed), not its pages: no sign-in.</summary>
    public async Task<(Guid Id, string Email)> OwnerAccountAsync()
    {
        if (Role == Role.Artist) return (Actor!.Id, Actor.Email);
        if (_owner is not null) return (_owner.Id, _owner.Email);
        return await OnceAsync("owner-account", () => World.CreateArtistAsync());
    }

    /// <summary>Whose own pages (profile, security) give the form: the actor's, or the owner's for an anonymous visitor.</summary>
    public async Task<Account> SelfOrOwnerAsync() => Actor ?? await OwnerAsync();

    /// <summary>An admin to read the moderation pages with: the actor when it is one.</summary>
    public async Task<AppClient> AdminViewerAsync() => Role == Role.Admin ? Actor!.Client : await World.ViewerAdminAsync();

    /// <summary>A visitor without a session, to read public pages with.</summary>
    public AppClient Visitor()
    {
        var client = World.NewClient();
        _clients.Add(client);
        return client;
    }

    /// <summary>Something a recipe makes once per cell and reuses when it prepares again (a work to order, say).</summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> make) where T : notnull
    {
        if (_made.TryGetValue(key, out var made)) return (T)made;
        var value = await make();
        _made[key] = value;
        return value;
    }

    /// <summary>An anonymous visitor starts again with no cookie (after a post signed it in, say); the people around stay.</summary>
    public void RenewVisitor()
    {
        if (Actor is not null) throw new InvalidOperationException("Only an anonymous visitor is renewed.");
        Client = World.NewClient();
        _clients.Add(Client);
    }

    public async Task BeforePostAsync()
    {
        if (Role == Role.SuspendedArtist) await World.SuspendAsync(Actor!.Id);
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
    }
}

/// <summary>
/// How to make a valid post of each handler, through the real pages: GET the page as someone who
/// sees the form, take its form, type what a person would type.
/// </summary>
public static class Recipes
{
    public const string NewPassword = "un tout nouveau mot de passe";

    /// <summary>A small real photo for the work forms.</summary>
    public static Upload Photo(string field = "images") =>
        new(field, "photo.jpg", DemoImages.Generate(7, 320, 240), "image/jpeg");

    public static IHtmlFormElement Form(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector) as IHtmlFormElement
        ?? throw new AssertionException($"No form \"{selector}\" on {page.Url}.");

    /// <summary>Which client reads the page holding the form.</summary>
    public enum Viewer { Visitor, Self, Owner, Admin }

    /// <summary>
    /// The simplest row: a form on a page, some typed values (made anew for each post, so a unique
    /// name can be unique), e.g. for a category:
    /// <c>Recipes.FormOn(Viewer.Admin, "/admin/categories", "form.category-add", () => new() { ["name"] = Recipes.Unique("Catégorie") })</c>.
    /// </summary>
    public static Func<Cell, Task<PreparedPost>> FormOn(Viewer viewer, string pageUrl, string formSelector, Func<Dictionary<string, string>>? fields = null) =>
        async cell => new PreparedPost(Form(await (await ViewerAsync(cell, viewer)).GetPageAsync(pageUrl), formSelector), fields?.Invoke() ?? []);

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    private static async Task<AppClient> ViewerAsync(Cell cell, Viewer viewer) => viewer switch
    {
        Viewer.Visitor => cell.Visitor(),
        Viewer.Self => (await cell.SelfOrOwnerAsync()).Client,
        Viewer.Owner => (await cell.OwnerAsync()).Client,
        _ => await cell.AdminViewerAsync(),
    };

    public static async Task<PreparedPost> Login(Cell cell)
    {
        var (_, email) = await cell.World.CreateArtistAsync();
        return new PreparedPost(Form(await cell.Visitor().GetPageAsync("/connexion"), "#login-form"),
            new Dictionary<string, string> { ["email"] = email, ["password"] = Accounts.Password, ["rememberMe"] = "false" });
    }

    public static async Task<PreparedPost> Register(Cell cell) =>
        new(Form(await cell.Visitor().GetPageAsync("/inscription"), "#register-form"),
            Accounts.Registration(AbuseWorld.NewEmail("inscrit"), "Artiste Inscrit"));

    public static async Task<PreparedPost> ResendActivation(Cell cell) =>
        new(Form(await cell.Visitor().GetPageAsync("/inscription/confirmation"), "#resend-form"),
            new Dictionary<string, string> { ["email"] = AbuseWorld.NewEmail("renvoi") });

    public static async Task<PreparedPost> ForgotPassword(Cell cell) =>
        new(Form(await cell.Visitor().GetPageAsync("/mot-de-passe-oublie"), "#forgot-form"),
            new Dictionary<string, string> { ["email"] = AbuseWorld.NewEmail("oubli") });

    public static async Task<PreparedPost> ResetPassword(Cell cell)
    {
        var (id, _) = await cell.World.CreateArtistAsync();
        var page = await cell.Visitor().GetPageAsync(await cell.World.ResetLinkAsync(id));
        return new PreparedPost(Form(page, "#reset-form"),
            new Dictionary<string, string> { ["password"] = NewPassword, ["confirmPassword"] = NewPassword });
    }

    public static async Task<PreparedPost> Logout(Cell cell) =>
        new(Form(await cell.Visitor().GetPageAsync("/deconnexion"), "#logout-page-form"), new Dictionary<string, string>());

    /// <summary>The second step of a login: the actor typed the password of an account with an authenticator.</summary>
    private static async Task<(IHtmlDocument Page, string Key, string[] Codes)> SecondStepAsync(Cell cell)
    {
        var (id, email) = await cell.World.CreateArtistAsync();
        var (key, codes) = await cell.World.EnableTwoFactorAsync(id);
        var first = await cell.Client.LoginAsync(email);
        Assert.That(first.RedirectUrl, Does.StartWith("/connexion/double-authentification"), first.Message);
        return (await cell.Client.GetPageAsync(first.RedirectUrl!), key, codes);
    }

    public static async Task<PreparedPost> TwoFactorCode(Cell cell)
    {
        var (page, key, _) = await SecondStepAsync(cell);
        return new PreparedPost(Form(page, "#two-factor-form"), new Dictionary<string, string> { ["code"] = Totp.Code(key) });
    }

    public static async Task<PreparedPost> TwoFactorRecovery(Cell cell)
    {
        var (page, _, codes) = await SecondStepAsync(cell);
        return new PreparedPost(Form(page, "#recovery-code-form"), new Dictionary<string, string> { ["recoveryCode"] = codes[0] });
    }

    public static async Task<PreparedPost> Profile(Cell cell)
    {
        var self = await cell.SelfOrOwnerAsync();
        return new PreparedPost(Form(await self.Client.GetPageAsync("/profil"), "#profile-form"), new Dictionary<string, string>
        {
            ["name"] = "Nom modifié",
            ["bio"] = "Sculpteur à **Douala**.",
            ["whatsapp"] = "677 12 34 56",
            ["facebook"] = "posax.artiste",
            ["instagram"] = "https://www.instagram.com/posax.artiste",
        });
    }

    public static async Task<PreparedPost> EnableTwoFactor(Cell cell)
    {
        var self = await cell.SelfOrOwnerAsync();
        await cell.World.DisableTwoFactorAsync(self.Id); // prepared again after a success
        var page = await self.Client.GetPageAsync("/profil/securite");
        var key = page.QuerySelector("[data-authenticator-key]")?.GetAttribute("data-authenticator-key")
                  ?? throw new AssertionException("No authenticator key on /profil/securite.");
        return new PreparedPost(Form(page, "#two-factor-enable-form"), new Dictionary<string, string> { ["code"] = Totp.Code(key) });
    }

    public static async Task<PreparedPost> NewRecoveryCodes(Cell cell)
    {
        var self = await cell.SelfOrOwnerAsync();
        await cell.World.EnableTwoFactorAsync(self.Id);
        return new PreparedPost(Form(await self.Client.GetPageAsync("/profil/securite"), "#recovery-codes-form"), new Dictionary<string, string>());
    }

    public static async Task<PreparedPost> DisableTwoFactor(Cell cell)
    {
        var self = await cell.SelfOrOwnerAsync();
        await cell.World.EnableTwoFactorAsync(self.Id);
        return new PreparedPost(Form(await self.Client.GetPageAsync("/profil/securite"), "#two-factor-disable-form"),
            new Dictionary<string, string> { ["password"] = self.Email.StartsWith("admin", StringComparison.Ordinal) ? AbuseWorld.AdminPassword : Accounts.Password });
    }

    public static Dictionary<string, string> WorkFields(string title = "Masques du Wouri") => new()
    {
        ["title"] = title,
        ["description"] = "Acrylique, *trois* masques.",
        ["price"] = "150 000",
        ["category"] = "peinture",
        ["medium"] = "Acrylique sur toile",
        ["heightCm"] = "60",
        ["widthCm"] = "80",
        ["depthCm"] = "",
        ["year"] = "2024",
        ["status"] = "disponible",
    };

    public static async Task<PreparedPost> NewWork(Cell cell)
    {
        var self = await cell.SelfOrOwnerAsync();
        return new PreparedPost(Form(await self.Client.GetPageAsync("/atelier/oeuvres/nouvelle"), "#artwork-form"), WorkFields(), Photo());
    }

    public static async Task<PreparedPost> EditWork(Cell cell)
    {
        var owner = await cell.OwnerAsync();
        var (id, _) = await cell.World.WorkAsync(owner.Email);
        return new PreparedPost(Form(await owner.Client.GetPageAsync($"/atelier/oeuvres/{id}/modifier"), "#artwork-form"),
            WorkFields("Titre modifié"));
    }

    public static async Task<PreparedPost> DeleteWork(Cell cell)
    {
        var owner = await cell.OwnerAsync();
        var (id, _) = await cell.World.WorkAsync(owner.Email);
        return new PreparedPost(Form(await owner.Client.GetPageAsync($"/atelier/oeuvres/{id}/supprimer"), "#artwork-delete-form"),
            new Dictionary<string, string>());
    }

    public static async Task<PreparedPost> MoveOrder(Cell cell)
    {
        var owner = await cell.OwnerAsync();
        var (work, _) = await cell.World.WorkAsync(owner.Email);
        var order = await cell.World.OrderAsync(work);
        return new PreparedPost(Form(await owner.Client.GetPageAsync("/atelier/commandes"), $"#order-status-{order}"),
            new Dictionary<string, string> { ["status"] = "contactee" });
    }

    public static async Task<PreparedPost> PlaceOrder(Cell cell)
    {
        var owner = await cell.OwnerAccountAsync();
        // Orders leave the work on sale: one work takes them all (a new phone each time: 5 an hour each).
        var (work, _) = await cell.OnceAsync("work", () => cell.World.WorkAsync(owner.Email));
        return new PreparedPost(Form(await cell.Visitor().GetPageAsync($"/oeuvres/{work}/commander"), "#order-form"), new Dictionary<string, string>
        {
            ["name"] = "Acheteur Test",
            ["phone"] = AbuseWorld.NewPhone(),
            ["email"] = "acheteur@exemple.cm",
            ["message"] = "Bonjour, est-elle encore disponible ?",
        });
    }

    private static async Task<PreparedPost> ModerateWorkAsync(Cell cell, bool hidden, string formClass, Dictionary<string, string> fields)
    {
        var owner = await cell.OwnerAccountAsync();
        var (id, title) = await cell.World.WorkAsync(owner.Email, hidden);
        var admin = await cell.AdminViewerAsync();
        var page = await admin.GetPageAsync($"/admin/oeuvres?etat={(hidden ? "masquees" : "visibles")}&q={Uri.EscapeDataString(title)}");
        return new PreparedPost(Form(page, $"[data-artwork-id='{id}'] form.{formClass}"), fields);
    }

    public static Task<PreparedPost> HideWork(Cell cell) =>
        ModerateWorkAsync(cell, hidden: false, "moderation-hide", new Dictionary<string, string> { ["reason"] = "Photo d'un autre artiste" });

    public static Task<PreparedPost> ShowWork(Cell cell) =>
        ModerateWorkAsync(cell, hidden: true, "moderation-show", new Dictionary<string, string>());

    public static Task<PreparedPost> FeatureWork(Cell cell) =>
        ModerateWorkAsync(cell, hidden: false, "moderation-feature", new Dictionary<string, string>());

    /// <summary>A row's form on /admin/categories (the move forms told apart by their direction).</summary>
    private static async Task<PreparedPost> CategoryRowAsync(Cell cell, int id, string formClass, Dictionary<string, string>? fields = null,
        string? direction = null)
    {
        var page = await (await cell.AdminViewerAsync()).GetPageAsync("/admin/categories");
        var form = page.QuerySelectorAll($"tr[data-category-id='{id}'] form.{formClass}").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => direction is null || f.QuerySelector("input[name=direction]")?.GetAttribute("value") == direction)
            ?? throw new AssertionException($"No form.{formClass} for category {id} on /admin/categories.");
        return new PreparedPost(form, fields ?? []);
    }

    public static Task<PreparedPost> AddCategory(Cell cell) =>
        FormOn(Viewer.Admin, "/admin/categories", "form.category-add", () => new() { ["name"] = Unique("Abus") })(cell);

    public static async Task<PreparedPost> RenameCategory(Cell cell) =>
        await CategoryRowAsync(cell, await cell.World.CategoryAsync(), "category-rename", new() { ["name"] = Unique("Abus renommée") });

    /// <summary>Two new categories, the second moved above the first: the seeded order is never touched.</summary>
    public static async Task<PreparedPost> MoveCategory(Cell cell)
    {
        await cell.World.CategoryAsync();
        return await CategoryRowAsync(cell, await cell.World.CategoryAsync(), "category-move", direction: "up");
    }

    public static async Task<PreparedPost> RetireCategory(Cell cell) =>
        await CategoryRowAsync(cell, await cell.World.CategoryAsync(), "category-retire");

    public static async Task<PreparedPost> RestoreCategory(Cell cell) =>
        await CategoryRowAsync(cell, await cell.World.CategoryAsync(retired: true), "category-restore");

    public static async Task<PreparedPost> DeleteCategory(Cell cell) =>
        await CategoryRowAsync(cell, await cell.World.CategoryAsync(), "category-delete");

    /// <summary>A visitor reports a work from its page (one work per cell; a new visitor, so a new address, each time).</summary>
    public static async Task<PreparedPost> ReportWork(Cell cell)
    {
        var owner = await cell.OwnerAccountAsync();
        var (id, title) = await cell.OnceAsync("reported work", () => cell.World.WorkAsync(owner.Email));
        var page = await cell.Visitor().GetPageAsync($"/oeuvres/{id}/{PosaX.Web.Data.ArtworkDerivedFields.Slug(title)}");
        return new PreparedPost(Form(page, "#report-form"), new Dictionary<string, string> { ["reason"] = "Cette photo appartient à un autre artiste." });
    }

    /// <summary>Anyone writes to the team from /contact (its form carries its own token).</summary>
    public static async Task<PreparedPost> WriteToTheTeam(Cell cell) =>
        new(Form(await cell.Visitor().GetPageAsync("/contact"), "#contact-form"), new Dictionary<string, string>
        {
            ["name"] = "Visiteur Test", ["email"] = "visiteur@exemple.cm", ["message"] = "Bonjour, une question sur un achat.",
        });

    public static async Task<PreparedPost> CloseReport(Cell cell)
    {
        var owner = await cell.OwnerAccountAsync();
        var (work, title) = await cell.World.WorkAsync(owner.Email);
        var report = await cell.World.ReportAsync(work);
        // The queue searched by the work's title: other reports may fill its first page.
        var page = await (await cell.AdminViewerAsync()).GetPageAsync("/admin/signalements?q=" + Uri.EscapeDataString(title));
        var form = page.QuerySelectorAll("form.report-close").OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector("input[name=id]")?.GetAttribute("value") == report.ToString(System.Globalization.CultureInfo.InvariantCulture))
            ?? throw new AssertionException($"No form.report-close for report {report} on /admin/signalements.");
        return new PreparedPost(form, new Dictionary<string, string> { ["decision"] = "dismissed", ["note"] = "Rien à voir." });
    }

    private static async Task<PreparedPost> ModerateArtistAsync(Cell cell, bool suspended, string formClass, Dictionary<string, string> fields)
    {
        var (id, email) = await cell.World.CreateArtistAsync();
        if (suspended) await cell.World.SuspendAsync(id);
        var admin = await cell.AdminViewerAsync();
        var page = await admin.GetPageAsync("/admin/artistes?q=" + Uri.EscapeDataString(email));
        return new PreparedPost(Form(page, $"[data-artist-id='{id}'] form.{formClass}"), fields);
    }

    public static Task<PreparedPost> SuspendArtist(Cell cell) =>
        ModerateArtistAsync(cell, suspended: false, "moderation-suspend", new Dictionary<string, string> { ["reason"] = "Faux profil" });

    public static Task<PreparedPost> ReactivateArtist(Cell cell) =>
        ModerateArtistAsync(cell, suspended: true, "moderation-reactivate", new Dictionary<string, string>());

    // Follows and alerts (Features/Subscriptions).
    public static async Task<PreparedPost> FollowArtist(Cell cell)
    {
        var owner = await cell.OwnerAccountAsync();
        var (id, title) = await cell.OnceAsync("followed work", () => cell.World.WorkAsync(owner.Email));
        var page = await cell.Visitor().GetPageAsync($"/oeuvres/{id}/{PosaX.Web.Data.ArtworkDerivedFields.Slug(title)}");
        return new PreparedPost(Form(page, "#follow-form"), new Dictionary<string, string> { ["email"] = AbuseWorld.NewEmail("suivi") });
    }

    public static async Task<PreparedPost> SaveAlert(Cell cell) =>
        new(Form(await cell.Visitor().GetPageAsync("/oeuvres?q=abus"), "#alert-form"), new Dictionary<string, string> { ["email"] = AbuseWorld.NewEmail("alerte") });

    /// <summary>A pending alert's confirmation page, its token made here as the mail would carry it.</summary>
    public static async Task<PreparedPost> ConfirmSubscription(Cell cell)
    {
        var (token, hash) = SubscriptionTokens.NewConfirmToken();
        await SubscriptionAsync(cell, confirmed: false, hash);
        return new PreparedPost(Form(await cell.Visitor().GetPageAsync(SubscriptionUrls.Confirm(token)), "#confirm-form"), new Dictionary<string, string>());
    }

    public static async Task<PreparedPost> RenewAlert(Cell cell)
    {
        var alert = await SubscriptionAsync(cell, confirmed: true, null);
        var token = cell.World.App.Services.GetRequiredService<SubscriptionTokens>().Renew(alert);
        return new PreparedPost(Form(await cell.Visitor().GetPageAsync(SubscriptionUrls.Renew(token)), "#renew-form"), new Dictionary<string, string>());
    }

    public static async Task<PreparedPost> Unsubscribe(Cell cell)
    {
        var alert = await SubscriptionAsync(cell, confirmed: true, null);
        var token = cell.World.App.Services.GetRequiredService<SubscriptionTokens>().Unsubscribe(alert);
        return new PreparedPost(Form(await cell.Visitor().GetPageAsync(SubscriptionUrls.Unsubscribe(token)), "#unsubscribe-form"), new Dictionary<string, string>());
    }

    /// <summary>What a mail client posts to the List-Unsubscribe URL (RFC 8058): no page, so the form is made here.</summary>
    public static async Task<PreparedPost> OneClickUnsubscribe(Cell cell)
    {
        var alert = await SubscriptionAsync(cell, confirmed: true, null);
        var token = cell.World.App.Services.GetRequiredService<SubscriptionTokens>().Unsubscribe(alert);
        return new PreparedPost(HandMadeForm(SubscriptionUrls.Unsubscribe(token)), new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });
    }

    /// <summary>The heart on a work: favourites.js posts state=on with a token; no page holds a form, so it is made here.</summary>
    public static async Task<PreparedPost> Favourite(Cell cell)
    {
        var owner = await cell.OwnerAccountAsync();
        var (id, _) = await cell.OnceAsync("favourite work", () => cell.World.WorkAsync(owner.Email));
        return new PreparedPost(HandMadeForm($"/oeuvres/{id}/favori"), new Dictionary<string, string> { ["state"] = "on" });
    }

    /// <summary>The work page's view beacon (navigator.sendBeacon): no fields, no token.</summary>
    public static async Task<PreparedPost> CountView(Cell cell)
    {
        var owner = await cell.OwnerAccountAsync();
        var (id, _) = await cell.OnceAsync("viewed work", () => cell.World.WorkAsync(owner.Email));
        return new PreparedPost(HandMadeForm($"/oeuvres/{id}/vue"), new Dictionary<string, string>());
    }

    private static IHtmlFormElement HandMadeForm(string action) =>
        (IHtmlFormElement)new AngleSharp.Html.Parser.HtmlParser()
            .ParseDocument($"<form method=\"post\" action=\"{action}\"></form>").QuerySelector("form")!;

    private static async Task<SubscriptionRef> SubscriptionAsync(Cell cell, bool confirmed, string? confirmHash)
    {
        var now = DateTime.UtcNow;
        var alert = new PosaX.Web.Data.Subscription
        {
            Kind = PosaX.Web.Data.SubscriptionKind.Alert, Email = AbuseWorld.NewEmail("abonne").ToLowerInvariant(), Target = "/oeuvres?q=abus",
            CreatedAt = now, ConfirmMailedAt = now, ConfirmTokenHash = confirmHash,
            ConfirmedAt = confirmed ? now : null, DigestedUntil = confirmed ? now : null, ExpiresAt = confirmed ? now.AddDays(180) : null,
        };
        await cell.World.App.WithDbAsync(async db =>
        {
            db.Subscriptions.Add(alert);
            return await db.SaveChangesAsync();
        });
        return new SubscriptionRef(alert.Email, alert.Target);
    }
}
