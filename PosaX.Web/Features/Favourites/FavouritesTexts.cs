using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Favourites;

/// <summary>Every text of the favourites a user reads: the heart's answers and the /favoris page.</summary>
public static class FavouritesTexts
{
    private static readonly TextResources Strings = new(typeof(FavouritesTexts));

    public static string Added => Strings["Added"];
    public static string Removed => Strings["Removed"];
    public static string BadState => Strings["BadState"];
    public static string NotOnSite => Strings["NotOnSite"];

    /// <summary>/favoris: the device's favourites.</summary>
    public static class Page
    {
        public static string Title => Strings["Page.Title"];
        public static string Intro => Strings["Page.Intro"];
        public static string Loading => Strings["Page.Loading"];
        public static string Empty => Strings["Page.Empty"];
        public static string Browse => Strings["Page.Browse"];
        public static string NoScript => Strings["Page.NoScript"];
        public static string LoadFailed => Strings["Page.LoadFailed"];
        public static string Gone => Strings["Page.Gone"];
        public static string GoneHint => Strings["Page.GoneHint"];
        public static string SoldNote => Strings["Page.SoldNote"];
    }
}
