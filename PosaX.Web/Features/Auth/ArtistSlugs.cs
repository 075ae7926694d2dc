using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Auth;

/// <summary>An artist's public address (<c>/artistes/{slug}</c>): "Ngono Béatrice" → "ngono-beatrice", or "ngono-beatrice-2" when taken.</summary>
public static class ArtistSlugs
{
    public static string Stem(string displayName) => Slugs.From(displayName, 60);

    /// <summary>For one new account: asks the database which slugs are taken.</summary>
    public static async Task<string> NextFreeAsync(PosaXDbContext db, string displayName, CancellationToken ct = default)
    {
        var stem = Stem(displayName);
        var taken = (await db.Users.Where(a => a.Slug == stem || a.Slug.StartsWith(stem + "-"))
            .Select(a => a.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return Slugs.Unique(stem, taken.Contains);
    }

    /// <summary>For many new accounts at once: <paramref name="taken"/> holds every slug in use, and gets this one.</summary>
    public static string NextFree(string displayName, ISet<string> taken)
    {
        var slug = Slugs.Unique(Stem(displayName), taken.Contains);
        taken.Add(slug);
        return slug;
    }
}
