using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.Catalogue;

/// <summary>
/// The catalogue, /oeuvres: filters in a GET form (shareable URLs, no JavaScript), 24 works a
/// page, keyset pagination through the "Suivant" link.
/// </summary>
[OutputCache(PolicyName = PublicCache.Search)]
public class BrowseModel(PosaXDbContext db, ArtworkSearch search) : PageModel
{
    public static class Texts
    {
        public const string Title = "Œuvres d'art à vendre";
        public const string Heading = "Œuvres";
        public const string Description = "Peintures, sculptures, photographies, perlages et textiles d'artistes du Cameroun, à acheter directement auprès d'eux sur WhatsApp.";
        public const string Search = "Rechercher une œuvre, un artiste, une ville…";
        public const string SearchButton = "Rechercher";
        public const string Filters = "Filtres et tri";
        public const string Category = "Catégorie";
        public const string AnyCategory = "Toutes les catégories";
        public const string MinPrice = "Prix minimum (FCFA)";
        public const string MaxPrice = "Prix maximum (FCFA)";
        public const string Size = "Taille";
        public const string AnySize = "Toutes les tailles";
        public const string SizeS = "Petite (moins de 40 cm)";
        public const string SizeM = "Moyenne (40 à 100 cm)";
        public const string SizeL = "Grande (plus de 100 cm)";
        public const string Orientation = "Orientation";
        public const string AnyOrientation = "Toutes";
        public const string Portrait = "Portrait";
        public const string Landscape = "Paysage";
        public const string Square = "Carré";
        public const string Available = "Disponibles uniquement";
        public const string Sort = "Trier par";
        public const string Recent = "Les plus récentes";
        public const string PriceAscending = "Prix croissant";
        public const string PriceDescending = "Prix décroissant";
        public const string Apply = "Appliquer";
        public const string Reset = "Tout effacer";
        public const string Artist = "Artiste";
        public const string RemoveArtist = "retirer ce filtre";
        public const string Next = "Suivant";
        public const string FirstPage = "Première page";
        public const string NoResult = "Aucune œuvre ne correspond à votre recherche. Essayez moins de filtres ou d'autres mots.";

        public static string ListTitle(string? category, string? artist) => (category, artist) switch
        {
            (not null, not null) => $"{category} de {artist}",
            (not null, null) => $"{category} : œuvres à vendre",
            (null, not null) => $"Œuvres de {artist}",
            _ => Title,
        };

        public static string SearchTitle(string query, string listTitle) => $"« {query} » : {listTitle.ToLowerInvariant()}";

        public static string ListDescription(string title, int total, bool capped = false) =>
            $"{title} sur PosaX : {Count(total, capped).ToLowerInvariant()} d'artistes du Cameroun, à acheter directement auprès d'eux sur WhatsApp.";

        /// <param name="capped">The count stopped at <paramref name="total"/>: there are more.</param>
        public static string Count(int total, bool capped = false) => (total, capped) switch
        {
            (_, true) => "Plus de " + Number(total) + " œuvres",
            (0, _) => "Aucune œuvre",
            (1, _) => "1 œuvre",
            _ => Number(total) + " œuvres",
        };

        private static string Number(int n) => n.ToString("#,0", new NumberFormatInfo { NumberGroupSeparator = "\u00A0", NumberGroupSizes = [3] });
    }

    public CataloguePage Result { get; private set; } = null!;
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public string? ArtistName { get; private set; }
    public PageMeta Meta { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await search.SearchAsync(CatalogueQuery.Parse(Request.Query), ct: ct);
        Categories = await search.CategoriesAsync(ct);
        var applied = Result.Applied;
        if (applied.Artist is not null)
            ArtistName = await db.Users.Where(u => u.Slug == applied.Artist).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var category = Categories.FirstOrDefault(c => c.Slug == applied.Category)?.Name;

        // One title per distinct listing.
        var title = Texts.ListTitle(category, ArtistName);
        if (applied.Text is not null) title = Texts.SearchTitle(applied.Text, title);
        var description = category is null && ArtistName is null ? Texts.Description : MetaText.Shorten(Texts.ListDescription(title, Result.Total, Result.TotalIsCapped));
        // A search or a filtered view may be indexed, but points search engines (canonical) at the
        // listing it narrows; later pages (a cursor) are left out of the index and only followed.
        var noIndex = applied.After is not null;
        // The canonical keeps what makes a listing distinct (its category, its artist), nothing else:
        // "/oeuvres?categorie=peinture" is a landing page of its own, not a duplicate of "/oeuvres".
        var canonicalQuery = new List<string>();
        if (applied.Category is not null) canonicalQuery.Add("categorie=" + Uri.EscapeDataString(applied.Category));
        if (applied.Artist is not null) canonicalQuery.Add("artiste=" + Uri.EscapeDataString(applied.Artist));
        Meta = new PageMeta(title, description, noIndex)
        {
            CanonicalPath = ArtworkUrls.Catalogue + (canonicalQuery.Count == 0 ? "" : "?" + string.Join('&', canonicalQuery)),
            FollowLinks = true,
        };
    }
}
