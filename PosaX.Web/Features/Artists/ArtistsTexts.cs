namespace PosaX.Web.Features.Artists;

/// <summary>Every text of the artists' pages a user reads.</summary>
public static class ArtistsTexts
{
    public static class Index
    {
        public const string Title = "Les artistes";
        public const string Description = "Les artistes de PosaX : peintres, sculpteurs, photographes et créateurs du Cameroun. Découvrez leurs œuvres et écrivez-leur sur WhatsApp.";
        public const string None = "Aucun artiste pour le moment.";
    }

    public static class ArtistPage
    {
        public const string Works = "Ses œuvres";
        public const string NoWorks = "Pas encore d’œuvre en ligne.";
        public const string AllWorks = "Voir ses autres œuvres";
        public const string Bio = "Présentation";

        public static string PageTitle(string name) => name + ", artiste";
        public static string PhotoAlt(string name) => "Photo de " + name;
        public static string DefaultDescription(string name) =>
            $"{name}, artiste sur PosaX : découvrez ses œuvres et contactez-le directement sur WhatsApp.";
        public static string WhatsAppMessage(string name, string pageUrl) =>
            $"Bonjour {name}, je vous contacte depuis votre page PosaX : {pageUrl}";
    }
}
