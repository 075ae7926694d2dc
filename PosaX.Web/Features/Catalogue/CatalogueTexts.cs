using Microsoft.AspNetCore.Html;
using PosaX.Web.Data;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Catalogue;

/// <summary>Every text of the catalogue a user reads: home, browse and search, the work page, reports.</summary>
public static class CatalogueTexts
{
    private static readonly TextResources Strings = new(typeof(CatalogueTexts));

    public static class Home
    {
        public static string Title => Strings["Home.Title"];
        public static string Description => Strings["Home.Description"];
        public static string Heading => Strings["Home.Heading"];
        public static string Intro => Strings["Home.Intro"];
        public static string Browse => Strings["Home.Browse"];
        public static string Join => Strings["Home.Join"];
        public static string Latest => Strings["Home.Latest"];
        public static string Categories => Strings["Home.Categories"];
        public static string Artists => Strings["Home.Artists"];
        public static string AllArtists => Strings["Home.AllArtists"];
        public static string NoWorks => Strings["Home.NoWorks"];
        public static string HeroLabel => Strings["Home.HeroLabel"];
        public static string HowItWorks => Strings["Home.HowItWorks"];

        /// <summary>Only what is true: PosaX puts buyer and artist in touch and holds no payment.</summary>
        public static (string Title, string Text)[] Steps =>
        [
            (Strings["Home.Steps.Choose.Title"], Strings["Home.Steps.Choose.Text"]),
            (Strings["Home.Steps.Write.Title"], Strings["Home.Steps.Write.Text"]),
            (Strings["Home.Steps.Agree.Title"], Strings["Home.Steps.Agree.Text"]),
        ];
    }

    public static class Browse
    {
        public static string Title => Strings["Browse.Title"];
        public static string Heading => Strings["Browse.Heading"];
        public static string Description => Strings["Browse.Description"];
        public static string Search => Strings["Browse.Search"];
        public static string SearchPlaceholder => Strings["Browse.SearchPlaceholder"];
        /// <summary>The filters' search landmark, named apart from the header's.</summary>
        public static string FiltersLandmark => Strings["Browse.FiltersLandmark"];
        public static string SearchButton => Strings["Browse.SearchButton"];
        public static string Filters => Strings["Browse.Filters"];
        public static string Category => Strings["Browse.Category"];
        public static string AnyCategory => Strings["Browse.AnyCategory"];
        public static string MinPrice => Strings["Browse.MinPrice"];
        public static string MaxPrice => Strings["Browse.MaxPrice"];
        public static string Size => Strings["Browse.Size"];
        public static string AnySize => Strings["Browse.AnySize"];
        public static string SizeS => Strings["Browse.SizeS"];
        public static string SizeM => Strings["Browse.SizeM"];
        public static string SizeL => Strings["Browse.SizeL"];
        public static string Orientation => Strings["Browse.Orientation"];
        public static string AnyOrientation => Strings["Browse.AnyOrientation"];
        public static string Portrait => Strings["Browse.Portrait"];
        public static string Landscape => Strings["Browse.Landscape"];
        public static string Square => Strings["Browse.Square"];
        public static string AvailableOnly => Strings["Browse.AvailableOnly"];
        public static string Sort => Strings["Browse.Sort"];
        public static string Recent => Strings["Browse.Recent"];
        public static string PriceAscending => Strings["Browse.PriceAscending"];
        public static string PriceDescending => Strings["Browse.PriceDescending"];
        public static string Apply => Strings["Browse.Apply"];
        public static string Reset => Strings["Browse.Reset"];
        public static string Next => Strings["Browse.Next"];
        public static string FirstPage => Strings["Browse.FirstPage"];
        public static string Results => Strings["Browse.Results"];
        public static string Pages => Strings["Browse.Pages"];

        public static string ActiveFilters => Strings["Browse.ActiveFilters"];
        public static string CategoriesNav => Strings["Browse.CategoriesNav"];
        public static string AllCategories => Strings["Browse.AllCategories"];
        public static string Available => Strings["Browse.Available"];
        public static string PricesSwapped => Strings["Browse.PricesSwapped"];
        public static string Widen => Strings["Browse.Widen"];
        public static string PopularCategories => Strings["Browse.PopularCategories"];
        public static string SeeAll => Strings["Browse.SeeAll"];

        public static string RemoveFilter(string label) => Strings.Format("Browse.RemoveFilter", label);
        /// <summary><see cref="RemoveFilter"/> as HTML, the label marked with its language when it is not the page's.</summary>
        public static IHtmlContent RemoveFilter(string label, string? lang) => LanguageMarks.Format(Strings["Browse.RemoveFilter"], LanguageMarks.Span(label, lang));
        public static string Quoted(string text) => Strings.Format("Browse.Quoted", text);
        public static string PriceFrom(long min) => Strings.Format("Browse.PriceFrom", Money.Fcfa(min));
        public static string PriceUpTo(long max) => Strings.Format("Browse.PriceUpTo", Money.Fcfa(max));

        /// <summary>
        /// A category's name as a heading over its works: "Sculpture" → "Sculptures" (one-word names only). In French
        /// only: English pages are given the English plural (<see cref="Categories.Heading"/>).
        /// </summary>
        public static string Plural(string name) =>
            Languages.Current != Languages.French || name.Contains(' ') || name.EndsWith('s') || name.EndsWith('x') || name.EndsWith('z') ? name : name + "s";

        /// <summary>
        /// The &lt;h1&gt; of a listing or a search: what it shows. HTML: a category's French name on an English page is
        /// marked <c>lang="fr"</c> (<see cref="Categories"/>).
        /// </summary>
        public static IHtmlContent ListHeading((string Text, string? Lang)? category, string? artist, string? query) => (query, category, artist) switch
        {
            (not null, _, _) => LanguageMarks.Format(Strings["Browse.ResultsFor"], Quoted(query)),
            (null, { } c, not null) => LanguageMarks.Format(Strings["Browse.CategoryBy"], LanguageMarks.Span(Plural(c.Text), c.Lang), artist),
            (null, { } c, null) => LanguageMarks.Span(Plural(c.Text), c.Lang),
            (null, null, not null) => LanguageMarks.Format(Strings["Browse.WorksBy"], artist),
            _ => LanguageMarks.Span(Heading, null),
        };

        public static string ListTitle(string? category, string? artist) => (category, artist) switch
        {
            (not null, not null) => Strings.Format("Browse.CategoryBy", Plural(category), artist),
            (not null, null) => Strings.Format("Browse.CategoryForSale", Plural(category)),
            (null, not null) => Strings.Format("Browse.WorksBy", artist),
            _ => Title,
        };

        public static string SearchTitle(string query, string listTitle) =>
            listTitle == Title ? Strings.Format("Browse.ResultsFor", Quoted(query)) : Strings.Format("Browse.ResultsForIn", Quoted(query), listTitle);

        /// <summary>The empty state's heading: the searched words are already the page's h1, said once.</summary>
        public static string EmptyFor(string? query) => query is null ? Strings["Browse.EmptyForFilters"] : Strings["Browse.EmptyForSearch"];

        public static string Suggestion(string name) => Strings.Format("Browse.Suggestion", Quoted(name));

        public static string ListDescription(string title, int total, bool capped = false) =>
            Strings.Format("Browse.ListDescription", title, Count(total, capped).ToLower(Languages.Culture));

        /// <param name="capped">The count stopped at <paramref name="total"/>: there are more.</param>
        public static string Count(int total, bool capped = false) => (total, capped) switch
        {
            (_, true) => Strings.Format("Browse.Count.MoreThan", Number(total)),
            (0, _) => Strings["Browse.Count.None"],
            (1, _) => Strings["Browse.Count.One"],
            _ => Strings.Format("Browse.Count.Many", Number(total)),
        };

        private static string Number(int n) => Money.Number(n);
    }

    /// <summary>
    /// Category names as a page shows them. French pages: the database's name, as the admins wrote it (/admin/categories).
    /// English pages: the English name of the category's slug (a slug never changes, a rename keeps it), under
    /// "Category.{slug}" (a chip, a filter, a work's category) and "Category.{slug}.Plural" (a listing's heading); a
    /// category added since, with no English name yet, keeps its French name. The French values say which name the
    /// English translates (French pages do not read them: a rename shows at once).
    /// </summary>
    public static class Categories
    {
        /// <summary>
        /// The name to show and the <c>lang</c> its element needs: "fr" when an English page falls back to the French
        /// name (a category with no English name yet), null when the name is in the page's language (Razor then writes
        /// no attribute). A &lt;title&gt;, a meta description or structured data cannot mark it: they read the Text only.
        /// </summary>
        public static (string Text, string? Lang) Name(string slug, string name) => Pick($"Category.{slug}", name);

        /// <summary>The name over a listing of its works, before <see cref="Browse.Plural"/> (which adds French's "s").</summary>
        public static (string Text, string? Lang) Heading(string slug, string name) => Pick($"Category.{slug}.Plural", name);

        /// <summary>
        /// The category's English names, singular and plural, whatever the page's language (none when it has no English
        /// name yet): what a search may call it (<see cref="SearchWords"/>).
        /// </summary>
        public static IEnumerable<string> EnglishNames(string slug) =>
            new[] { $"Category.{slug}", $"Category.{slug}.Plural" }
                // The resources' own culture ("en"), not the page's ("en-GB"), which has none of its own.
                .Select(key => Strings.FindIn(System.Globalization.CultureInfo.GetCultureInfo(Languages.English), key)).OfType<string>().Distinct();

        private static (string Text, string? Lang) Pick(string key, string french) =>
            Languages.Current != Languages.English ? (french, null)
            : Strings.Find(key) is { } english ? (english, null)
            : (french, Languages.French);
    }

    public static class ArtworkPage
    {
        public static string Reserved => Strings["ArtworkPage.Reserved"];
        public static string Dimensions => Strings["ArtworkPage.Dimensions"];
        public static string Medium => Strings["ArtworkPage.Medium"];
        public static string Year => Strings["ArtworkPage.Year"];
        public static string Category => Strings["ArtworkPage.Category"];
        public static string Artist => Strings["ArtworkPage.Artist"];
        public static string ArtistPage => Strings["ArtworkPage.ArtistPage"];
        public static string Similar => Strings["ArtworkPage.Similar"];
        public static string Photos => Strings["ArtworkPage.Photos"];
        public static string WhatsApp => Strings["ArtworkPage.WhatsApp"];
        public static string Breadcrumb => Strings["ArtworkPage.Breadcrumb"];
        public static string Home => Strings["ArtworkPage.Home"];
        public static string Catalogue => Strings["ArtworkPage.Catalogue"];
        public static string Order => Strings["ArtworkPage.Order"];
        public static string WriteShort => Strings["ArtworkPage.WriteShort"];
        public static string WriteToArtist => Strings["ArtworkPage.WriteToArtist"];
        public static string Share => Strings["ArtworkPage.Share"];
        public static string ShareWhatsApp => Strings["ArtworkPage.ShareWhatsApp"];
        public static string ShareFacebook => Strings["ArtworkPage.ShareFacebook"];
        public static string CopyLink => Strings["ArtworkPage.CopyLink"];
        public static string ZoomHint => Strings["ArtworkPage.ZoomHint"];
        public static string CloseZoom => Strings["ArtworkPage.CloseZoom"];
        public static string PhotoNumber => Strings["ArtworkPage.PhotoNumber"];
        public static string OrderDialog => Strings["ArtworkPage.OrderDialog"];
        public static string SimilarAvailable => Strings["ArtworkPage.SimilarAvailable"];

        public static string SoldMessage(string title, string url) => Strings.Format("ArtworkPage.SoldMessage", title, url);

        public static string ShareText(string title, long price, string url) => Strings.Format("ArtworkPage.ShareText", title, Money.Fcfa(price), url);

        public static string SoldNote => Strings["ArtworkPage.SoldNote"];
        public static string ReservedNote => Strings["ArtworkPage.ReservedNote"];

        public static string PageTitle(string title, string category, string artist) =>
            Strings.Format("ArtworkPage.PageTitle", title, category.ToLower(Languages.Culture), artist);
        public static string PhotoAlt(string title, int number) => Strings.Format("ArtworkPage.PhotoAlt", title, number);

        public static string WhatsAppMessage(string title, long price, string url) =>
            Strings.Format("ArtworkPage.WhatsAppMessage", title, Money.Fcfa(price), url);

        /// <summary>"40 × 30,5 cm" in French, "40 × 30.5 cm" in English.</summary>
        public static string Size(double height, double width, double? depth)
        {
            static string N(double v) => v.ToString("0.#", Languages.Culture);
            return depth is { } d && d > 0 ? Strings.Format("ArtworkPage.Size3", N(height), N(width), N(d)) : Strings.Format("ArtworkPage.Size2", N(height), N(width));
        }

        /// <summary>What the work is, by whom and for how much, then the start of its description: 50 to 160 characters.</summary>
        public static string MetaDescription(string title, string artist, string category, long price, string? plain)
        {
            var text = Strings.Format("ArtworkPage.MetaDescription", title, category.ToLower(Languages.Culture), artist, Money.Fcfa(price));
            text += string.IsNullOrWhiteSpace(plain) ? " " + Strings["ArtworkPage.MetaContact"] : " " + plain;
            if (text.Length < 60) text += " " + Strings["ArtworkPage.MetaDiscover"];
            return MetaText.Shorten(text);
        }

        // Issue 18 (L2): the indicative price in euros under the FCFA price (Money.IndicativeEuros).
        public static string IndicativeEuros(long euros) => Strings.Format("ArtworkPage.IndicativeEuros", Money.Number(euros));
    }

    public static class Report
    {
        public static string Heading => Strings["Report.Heading"];
        public static string Intro => Strings["Report.Intro"];
        public static string Reason => Strings["Report.Reason"];
        public static string Send => Strings["Report.Send"];
        public static string NoScriptLink => Strings["Report.NoScriptLink"];
        public static string NoScriptHint => Strings["Report.NoScriptHint"];
        public static string Thanks => Strings["Report.Thanks"];
        public static string ReasonRequired => Strings["Report.ReasonRequired"];
        public static string ReasonTooShort => Strings.Format("Report.ReasonTooShort", ReportInput.MinLength);
        public static string ReasonTooLong => Strings.Format("Report.ReasonTooLong", ArtworkReport.ReasonMaxLength);
        public static string NotOnSite => Strings["Report.NotOnSite"];
        public static string BackToWork => Strings["Report.BackToWork"];
        public static string BackToCatalogue => Strings["Report.BackToCatalogue"];

        public static string PageTitle(string title) => Strings.Format("Report.PageTitle", title);
    }
}
