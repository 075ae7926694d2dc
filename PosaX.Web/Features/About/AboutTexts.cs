using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.About;

/// <summary>Every text of the trust and legal pages and of /contact (the pages' bodies are Markdown files in Pages/).</summary>
public static class AboutTexts
{
    private static readonly TextResources Strings = new(typeof(AboutTexts));

    /// <summary>Title (the &lt;h1&gt; too) and description of each page written in Markdown.</summary>
    public static readonly IReadOnlyDictionary<string, (string Title, string Description)> Pages = new Dictionary<string, (string, string)>
    {
        ["a-propos"] = ("À propos de PosaX",
            "PosaX, la galerie en ligne des artistes du Cameroun : ce que fait le site, ce qu’il ne fait pas (aucun paiement), et comment y exposer ses œuvres."),
        ["comment-acheter"] = ("Comment acheter une œuvre",
            "Acheter sur PosaX : choisir une œuvre, écrire à l’artiste sur WhatsApp, convenir avec lui du paiement et de la livraison. Nos conseils pour acheter sereinement."),
        ["mentions-legales"] = ("Mentions légales",
            "Mentions légales de PosaX : éditeur, objet du site, responsabilité des contenus publiés par les artistes, propriété intellectuelle."),
        ["conditions-generales"] = ("Conditions générales d’utilisation",
            "Conditions générales de PosaX : un service de mise en relation entre artistes et acheteurs, sans paiement en ligne, et les règles que chacun respecte."),
        ["confidentialite"] = ("Confidentialité",
            "Les données que PosaX enregistre, ce qui est public, ce que nous ne faisons pas (ni publicité ni traceur) et comment exercer vos droits."),
    };

    /// <summary>The footer's links, in order (the layout writes them).</summary>
    public static readonly (string Path, string Label)[] FooterLinks =
    [
        ("/a-propos", "À propos"),
        ("/comment-acheter", "Comment acheter"),
        ("/contact", "Contact"),
        ("/mentions-legales", "Mentions légales"),
        ("/conditions-generales", "Conditions générales"),
        ("/confidentialite", "Confidentialité"),
    ];

    public static class Contact
    {
        public static string Title => Strings["Contact.Title"];
        public static string Heading => Strings["Contact.Heading"];
        public static string Description => Strings["Contact.Description"];
        public static string Intro => Strings["Contact.Intro"];
        public static string Name => Strings["Contact.Name"];
        public static string Email => Strings["Contact.Email"];
        public static string Message => Strings["Contact.Message"];
        public static string Send => Strings["Contact.Send"];
        public static string Sent => Strings["Contact.Sent"];
        public static string NameRequired => Strings["Contact.NameRequired"];
        public static string NameTooLong => Strings["Contact.NameTooLong"];
        public static string EmailInvalid => Strings["Contact.EmailInvalid"];
        public static string MessageTooShort => Strings["Contact.MessageTooShort"];
        public static string MessageTooLong => Strings["Contact.MessageTooLong"];

        public static MailMessage Mail(string to, string name, string email, string message)
        {
            var subject = $"Message de {name} via PosaX";
            return MailTemplates.Build(to, subject, "Bonjour,", $"{name} ({email}) a écrit depuis la page Contact :\n\n{message}", null,
                $"Répondre à {email}.");
        }
    }
}
