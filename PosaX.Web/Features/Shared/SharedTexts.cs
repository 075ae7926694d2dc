using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Shared;

/// <summary>Every text of what all pages share: the layout, the scripts' own messages, the error page.</summary>
public static class SharedTexts
{
    private static readonly TextResources Strings = new(typeof(SharedTexts));

    /// <summary>The alt of the site's default preview picture (<see cref="PageMeta.DefaultImage"/>).</summary>
    public static string DefaultImageAlt => Strings["DefaultImageAlt"];

    /// <summary>The site's header, navigation and footer (_Layout).</summary>
    public static class Layout
    {
        public static string SkipLink => Strings["Layout.SkipLink"];
        /// <summary>The language switch: the OTHER language's name, in that language ("English" on French pages).</summary>
        public static string OtherLanguage => Strings["Layout.OtherLanguage"];
        public static string Home => Strings["Layout.Home"];
        public static string SiteNav => Strings["Layout.SiteNav"];
        public static string Artworks => Strings["Layout.Artworks"];
        public static string Artists => Strings["Layout.Artists"];
        public static string Atelier => Strings["Layout.Atelier"];
        public static string Orders => Strings["Layout.Orders"];
        public static string Profile => Strings["Layout.Profile"];
        public static string Admin => Strings["Layout.Admin"];
        public static string Logout => Strings["Layout.Logout"];
        public static string Login => Strings["Layout.Login"];
        public static string Register => Strings["Layout.Register"];
        public static string Menu => Strings["Layout.Menu"];
        public static string Favourites => Strings["Layout.Favourites"];
        public static string Search => Strings["Layout.Search"];
        public static string SearchShort => Strings["Layout.SearchShort"];
        /// <summary>The header's search landmark, named apart from the catalogue's filters.</summary>
        public static string SiteSearch => Strings["Layout.SiteSearch"];
        public static string SearchButton => Strings["Layout.SearchButton"];
        public static string FooterNav => Strings["Layout.FooterNav"];
        public static string Footer => Strings["Layout.Footer"];
    }

    /// <summary>
    /// What wwwroot/js/ajax-form.js says itself (no JSON answer from the server; the link of a next
    /// step): the layout writes them once as data-text-* attributes on &lt;body&gt; (no inline script: strict CSP).
    /// </summary>
    public static class Scripts
    {
        public static string NetworkError => Strings["Scripts.NetworkError"];
        public static string ServerError => Strings["Scripts.ServerError"];
        public static string TooLarge => InfrastructureTexts.Ajax.TooLarge;
        public static string ResendActivation => AuthTexts.ResendActivation;
        public static string SignIn => AuthTexts.SignIn;
        public static string Continue => Strings["Scripts.Continue"];
        public static string LinkCopied => Strings["Scripts.LinkCopied"];
        public static string ChoosePhoto => Strings["Scripts.ChoosePhoto"];
        public static string ChoosePhotos => Strings["Scripts.ChoosePhotos"];
        public static string NoPhoto => Strings["Scripts.NoPhoto"];
        /// <summary>{n}: the number of photos (the script puts it in).</summary>
        public static string PhotosChosen => Strings["Scripts.PhotosChosen"];
        public static string PhotoType => InfrastructureTexts.Images.UnsupportedFormat;
        public static string PhotoTooLarge => InfrastructureTexts.Images.TooLarge;
    }

    /// <summary>The error page (/erreur) and the JSON or plain answers of the same statuses.</summary>
    public static class Error
    {
        public static string BackHome => Strings["Error.BackHome"];

        /// <summary>The statuses with words of their own; any other is "Error.Other".</summary>
        private static readonly int[] Known = [400, 403, 404, 410, 413, 429, 503, 507];

        public static (string Heading, string Explanation) For(int status)
        {
            var key = Known.Contains(status) ? "Error.Status" + status : "Error.Other";
            return (Strings[key + ".Heading"], Strings[key + ".Explanation"]);
        }

        /// <summary>Heading and explanation as one JSON message: "Page introuvable : Cette page n’existe pas ou plus."</summary>
        public static string Message(int status)
        {
            var (heading, explanation) = For(status);
            return Strings.Format("Error.Message", heading, explanation);
        }
    }
}
