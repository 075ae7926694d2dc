using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Artists;

/// <summary>Every text of the artists' pages a user reads.</summary>
public static class ArtistsTexts
{
    private static readonly TextResources Strings = new(typeof(ArtistsTexts));

    public static class Index
    {
        public static string Title => Strings["Index.Title"];
        public static string Description => Strings["Index.Description"];
        public static string None => Strings["Index.None"];
    }

    public static class ArtistPage
    {
        public static string Works => Strings["ArtistPage.Works"];
        public static string NoWorks => Strings["ArtistPage.NoWorks"];
        public static string AllWorks => Strings["ArtistPage.AllWorks"];
        public static string Bio => Strings["ArtistPage.Bio"];

        public static string PageTitle(string name) => Strings.Format("ArtistPage.PageTitle", name);
        public static string PhotoAlt(string name) => Strings.Format("ArtistPage.PhotoAlt", name);
        public static string DefaultDescription(string name) => Strings.Format("ArtistPage.DefaultDescription", name);
        public static string WhatsAppMessage(string name, string pageUrl) => Strings.Format("ArtistPage.WhatsAppMessage", name, pageUrl);
    }
}
