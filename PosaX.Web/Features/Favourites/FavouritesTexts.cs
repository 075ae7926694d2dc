namespace PosaX.Web.Features.Favourites;

/// <summary>Every text of the favourites a user reads: the heart's answers and the /favoris page.</summary>
public static class FavouritesTexts
{
    public const string Added = "Ajoutée à vos favoris.";
    public const string Removed = "Retirée de vos favoris.";
    public const string BadState = "Indiquez «\u00A0on\u00A0» ou «\u00A0off\u00A0».";
    public const string NotOnSite = "Cette œuvre n’est plus en ligne.";

    /// <summary>/favoris: the device's favourites.</summary>
    public static class Page
    {
        public const string Title = "Mes favoris";
        public const string Intro = "Les œuvres que vous avez aimées, gardées sur cet appareil seulement\u00A0: pas de compte, pas de cookie.";
        public const string Loading = "Chargement de vos favoris…";
        public const string Empty = "Vous n’avez pas encore de favori. Touchez le cœur d’une œuvre pour la retrouver ici.";
        public const string Browse = "Découvrir les œuvres";
        public const string NoScript = "Vos favoris sont gardés par votre navigateur\u00A0: activez JavaScript pour les voir.";
        public const string LoadFailed = "Vos favoris n’ont pas pu être chargés. Vérifiez votre réseau puis rechargez la page.";
        public const string Gone = "Cette œuvre n’est plus en ligne.";
        public const string GoneHint = "Retirez-la de vos favoris d’un toucher sur le cœur.";
        public const string SoldNote = "Vendue\u00A0: d’autres œuvres de l’artiste vous attendent.";
    }
}
