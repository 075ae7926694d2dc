using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;

namespace PosaX.Web.Features.Atelier;

/// <summary>
/// /atelier: where an artist lands after activating the account or signing in. A checklist of what
/// makes a page that sells (photo, bio, WhatsApp number, a first work), each step ticked once done,
/// and the ways into the works, the orders and the profile. <c>?bienvenue=1</c> (after activation)
/// opens it with "Compte activé".
/// </summary>
public class AtelierHomeModel(PosaXDbContext db, UserManager<Artist> users) : PageModel
{
    public const string Path = "/atelier";

    /// <summary>Where the activation link leads once the account is active and signed in.</summary>
    public const string WelcomePath = Path + "?bienvenue=1";

    public sealed record Step(string Key, string Label, string Hint, string Url, bool Done);

    [BindProperty(SupportsGet = true, Name = "bienvenue")] public string? WelcomeFlag { get; set; }
    public bool Welcome => WelcomeFlag == "1";

    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public IReadOnlyList<Step> Steps { get; private set; } = [];
    public int Works { get; private set; }
    public int NewOrders { get; private set; }
    public bool Ready => Steps.All(s => s.Done);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Guid.TryParse(users.GetUserId(User), out var me)) return Challenge();
        var artist = await db.Users.AsNoTracking().Where(u => u.Id == me)
            .Select(u => new
            {
                u.DisplayName, u.Slug, HasPhoto = u.PhotoKey != null, HasBio = u.Bio != null && u.Bio != "", HasWhatsApp = u.WhatsApp != null,
                Works = db.Artworks.Count(a => a.ArtistId == u.Id),
                NewOrders = db.Orders.Count(o => o.ArtistId == u.Id && o.Status == OrderStatus.New),
            })
            .SingleAsync(ct);
        Name = artist.DisplayName;
        Slug = artist.Slug;
        Works = artist.Works;
        NewOrders = artist.NewOrders;
        Steps =
        [
            new("photo", AtelierTexts.Home.PhotoStep, AtelierTexts.Home.PhotoHint, "/profil", artist.HasPhoto),
            new("bio", AtelierTexts.Home.BioStep, AtelierTexts.Home.BioHint, "/profil", artist.HasBio),
            new("whatsapp", AtelierTexts.Home.WhatsAppStep, AtelierTexts.Home.WhatsAppHint, "/profil", artist.HasWhatsApp),
            new("work", AtelierTexts.Home.WorkStep, AtelierTexts.Home.WorkHint, "/atelier/oeuvres/nouvelle", artist.Works > 0),
        ];
        return Page();
    }
}
