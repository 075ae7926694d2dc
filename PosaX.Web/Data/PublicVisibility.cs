using System.Linq.Expressions;

namespace PosaX.Web.Data;

/// <summary>
/// What the public may see, in one place: an artist is on the site once activated and while not
/// suspended; a work is on the site while not hidden and its artist is. Every public query (pages,
/// search, sitemap, orders) starts from these, so a moderation act reaches all of them at once.
/// </summary>
public static class PublicVisibility
{
    public static IQueryable<Artist> OnSite(this IQueryable<Artist> artists) =>
        artists.Where(u => u.EmailConfirmed && u.SuspendedAt == null);

    public static IQueryable<Artwork> OnSite(this IQueryable<Artwork> artworks) => artworks.Where(ArtworkOnSite);

    /// <summary>
    /// The rule <see cref="OnSite(IQueryable{Artwork})"/> applies, as an expression: a compiled query
    /// (the work page's) cannot call an extension method, but EF inlines this.
    /// </summary>
    public static readonly Expression<Func<Artwork, bool>> ArtworkOnSite =
        a => a.HiddenAt == null && a.Artist.EmailConfirmed && a.Artist.SuspendedAt == null;

    /// <summary>
    /// The work's own half of <see cref="ArtworkOnSite"/> (not hidden), for a query that checks the artist
    /// apart with <see cref="OnSite(IQueryable{Artist})"/> (the catalogue's search: the artists of a page's
    /// works only, not of every match).
    /// </summary>
    public static readonly Expression<Func<Artwork, bool>> ArtworkNotHidden = a => a.HiddenAt == null;

    /// <summary>
    /// Who the lists show (/artistes, the home page, the artists' sitemap): an artist on the site
    /// with at least one work on the site. An artist without one still has a page for a direct link.
    /// </summary>
    public static IQueryable<Artist> Listed(this IQueryable<Artist> artists, IQueryable<Artwork> artworks) =>
        artists.OnSite().Where(u => artworks.Any(a => a.ArtistId == u.Id && a.HiddenAt == null));
}
