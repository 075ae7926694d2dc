using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Orders;

namespace PosaX.Tests.Abuse;

/// <summary>An account of the abuse suite and, when signed in, the browser-like client holding its session.</summary>
public sealed record Account(Guid Id, string Email, AppClient Client)
{
    public string Password => Accounts.Password;
}

/// <summary>
/// The people and things the abuse tests act on, made fast: artists are written through Identity's
/// UserManager with a password hash computed once (registration and activation have their own
/// tests, and 200 registrations at 80 ms of PBKDF2 each would eat the suite's budget), then sign
/// in through the real login form. The shared admin that reads the moderation pages comes from
/// the real create-admin command; acting admins are accounts given its role.
/// </summary>
public sealed class AbuseWorld(PosaXApp app)
{
    public const string AdminPassword = "une phrase de passe d'administration";
    private string? _passwordHash;

    public PosaXApp App => app;

    public static string NewEmail(string hint) => $"{hint}-{Guid.NewGuid().ToString("N")[..10]}@exemple.cm";

    /// <summary>An activated artist account, not signed in anywhere.</summary>
    public async Task<(Guid Id, string Email)> CreateArtistAsync(string? name = null, string? whatsApp = "+237677123456")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Artist>>();
        _passwordHash ??= users.PasswordHasher.HashPassword(new Artist { DisplayName = "", Slug = "" }, Accounts.Password);
        var email = NewEmail("abus");
        var artist = new Artist
        {
            Id = Guid.CreateVersion7(),
            DisplayName = name ?? "Artiste " + email[5..15],
            Slug = "abus-" + Guid.NewGuid().ToString("N")[..12],
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            WhatsApp = whatsApp,
            PasswordHash = _passwordHash,
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(artist);
        Assert.That(created.Succeeded, Is.True, string.Join(", ", created.Errors.Select(e => e.Description)));
        return (artist.Id, email);
    }

    /// <summary>An activated artist, signed in through the login form.</summary>
    public async Task<Account> SignedInArtistAsync(string? name = null)
    {
        var (id, email) = await CreateArtistAsync(name);
        return new Account(id, email, await SignInAsync(email, Accounts.Password));
    }

    /// <summary>
    /// An admin, signed in: an account given the Admin role (the role the create-admin command
    /// grants; the command itself made the shared viewer admin and has its own tests).
    /// </summary>
    public async Task<Account> SignedInAdminAsync()
    {
        await ViewerAdminAsync(); // the command has created the role
        var (id, email) = await CreateArtistAsync("Admin abus");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Artist>>();
            var granted = await users.AddToRoleAsync((await users.FindByIdAsync(id.ToString()))!, AdminFeature.RoleName);
            Assert.That(granted.Succeeded, Is.True);
        }
        return new Account(id, email, await SignInAsync(email, Accounts.Password));
    }

    /// <summary>An admin made by the create-admin command, signed in.</summary>
    private async Task<Account> CommandAdminAsync()
    {
        var email = NewEmail("admin");
        Assert.That(await AdminCommands.CreateAdminAsync(app.Services, ["create-admin", "--email", email, "--password", AdminPassword], TextWriter.Null), Is.Zero);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new Account(id, email, await SignInAsync(email, AdminPassword));
    }

    private Task<AppClient>? _viewerAdmin;

    /// <summary>One admin session, shared, that only reads the moderation pages (never acted on).</summary>
    public Task<AppClient> ViewerAdminAsync() => _viewerAdmin ??= CreateViewerAsync();

    private async Task<AppClient> CreateViewerAsync() => (await CommandAdminAsync()).Client;

    /// <summary>
    /// A browser of its own, from an address of its own (X-Forwarded-For, trusted from loopback as
    /// from the app's reverse proxy): per-IP limits and the reports' "already reported" memory then
    /// see distinct visitors, as they would in life.
    /// </summary>
    public AppClient NewClient()
    {
        var client = app.CreateBrowserClient();
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For",
            $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return client;
    }

    public async Task<AppClient> SignInAsync(string email, string password)
    {
        var client = NewClient();
        var login = await client.LoginAsync(email, password);
        Assert.That(login.Success, Is.True, $"login of {email}: {login.Message}");
        return client;
    }

    /// <summary>What an admin's suspension does to the account (the flag: the ticket store then refuses its sessions).</summary>
    public Task SuspendAsync(Guid id) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SuspendedAt, DateTime.UtcNow).SetProperty(u => u.SuspendedReason, "abus")));

    /// <summary>Turns the authenticator on for an account: returns its key and recovery codes.</summary>
    public async Task<(string Key, string[] RecoveryCodes)> EnableTwoFactorAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Artist>>();
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new AssertionException("no such account");
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToArray();
        return (key!, codes);
    }

    public async Task DisableTwoFactorAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Artist>>();
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new AssertionException("no such account");
        if (await users.GetTwoFactorEnabledAsync(user)) await users.SetTwoFactorEnabledAsync(user, false);
    }

    /// <summary>The link a password-reset mail carries, for an account.</summary>
    public async Task<string> ResetLinkAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Artist>>();
        var user = await users.FindByIdAsync(id.ToString()) ?? throw new AssertionException("no such account");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"/reinitialisation?userId={id}&code={PosaX.Web.Features.Auth.AccountMails.EncodeToken(token)}";
    }

    public async Task<(long Id, string Title)> WorkAsync(string ownerEmail, bool hidden = false)
    {
        var title = "Œuvre abus " + Guid.NewGuid().ToString("N")[..8];
        // A small picture: one stored width plus the social preview, so a work costs little to make.
        var id = await SeedArtworks.CreateAsync(app, ownerEmail, title, hidden: hidden, imageWidth: 320, imageHeight: 240);
        return (id, title);
    }

    /// <summary>A category made for a test (an admin would add it on /admin/categories), last in the order.</summary>
    public Task<int> CategoryAsync(bool retired = false) => app.WithDbAsync(async db =>
    {
        var name = "Abus " + Guid.NewGuid().ToString("N")[..10];
        var category = new Category
        {
            Name = name,
            Slug = PosaX.Web.Infrastructure.Text.Slugs.From(name, 56),
            SortOrder = (await db.Categories.MaxAsync(c => (int?)c.SortOrder) ?? 0) + 1,
            IsRetired = retired,
        };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    });

    /// <summary>A visitor's report on a work, open, dated long ago so it heads the oldest-first queue.</summary>
    public Task<long> ReportAsync(long workId) => app.WithDbAsync(async db =>
    {
        var report = new ArtworkReport { ArtworkId = workId, Reason = "Cette photo appartient à un autre artiste.", CreatedAt = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        db.ArtworkReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    });

    /// <summary>A buyer's request for a work, as the order form records it.</summary>
    public Task<long> OrderAsync(long workId) => app.WithDbAsync(async db =>
    {
        var work = await db.Artworks.Where(a => a.Id == workId).Select(a => new { a.ArtistId, a.Price }).SingleAsync();
        var order = new Order
        {
            Reference = OrderReference.New(),
            ArtworkId = workId,
            ArtistId = work.ArtistId,
            BuyerName = "Acheteur",
            BuyerPhone = "+237699000000",
            Price = work.Price,
            Status = OrderStatus.New,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    });

    /// <summary>A fresh antiforgery token bound to whoever the client is now (and its cookie), as the fetch helper gets one.</summary>
    public static async Task<string> TokenAsync(AppClient client)
    {
        using var response = await client.Http.GetAsync("/antiforgery/token");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A valid Cameroonian mobile number, different each time (the per-phone order limit is 5 an hour).</summary>
    public static string NewPhone() => "67" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
