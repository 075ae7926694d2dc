using PosaX.Web.Infrastructure.Email;

namespace PosaX.Web.Features.About;

/// <summary>Every text of the trust and legal pages and of /contact (the pages' bodies are Markdown files in Pages/).</summary>
public static class AboutTexts
{
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
        public const string Title = "Contact";
        public const string Heading = "Nous écrire";
        public const string Description = "Écrire à l’équipe PosaX : une question sur un achat, un compte d’artiste, un signalement ou une suggestion. Réponse par e-mail.";
        public const string Intro = "Une question sur le site, votre compte d’artiste ou une œuvre ? Écrivez-nous, nous répondons par e-mail. Pour acheter une œuvre, écrivez directement à l’artiste depuis sa page.";
        public const string Name = "Votre nom";
        public const string Email = "Votre e-mail";
        public const string Message = "Votre message";
        public const string Send = "Envoyer";
        public const string Sent = "Merci ! Votre message est envoyé ; nous vous répondrons par e-mail.";
        public const string NameRequired = "Indiquez votre nom.";
        public const string NameTooLong = "Le nom ne peut pas dépasser 100 caractères.";
        public const string EmailInvalid = "Indiquez une adresse e-mail valide, pour que nous puissions vous répondre.";
        public const string MessageTooShort = "Écrivez votre message (10 caractères au moins).";
        public const string MessageTooLong = "Le message ne peut pas dépasser 3 000 caractères.";

        public static MailMessage Mail(string to, string name, string email, string message)
        {
            var subject = $"Message de {name} via PosaX";
            return MailTemplates.Build(to, subject, "Bonjour,", $"{name} ({email}) a écrit depuis la page Contact :\n\n{message}", null,
                $"Répondre à {email}.");
        }
    }
}
