using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>Every text of follows, saved-search alerts, their confirmation, unsubscribe and digest mails.</summary>
public static class SubscriptionsTexts
{
    public const string EmailLabel = "Votre adresse e-mail";
    public const string EmailPlaceholder = "vous@exemple.cm";
    public const string EmailRequired = "Indiquez votre adresse e-mail.";
    public const string EmailInvalid = "Cette adresse e-mail n’est pas valide.";
    public const string NoScriptHint = "(un formulaire sans JavaScript)";
    public const string NotOnSite = "Cet artiste n’est pas ou plus sur PosaX.";
    public const string LinkInvalid = "Ce lien n’est plus valable. S’il venait d’un mail de confirmation déjà utilisé, votre abonnement est actif.";
    public const string BackHome = "Revenir aux œuvres";

    public static class Follow
    {
        public static string Heading(string artist) => $"Suivre {artist}";
        public static string Intro(string artist) => $"Recevez un mail quand {artist} publie de nouvelles œuvres (au plus un par jour, désabonnement en un clic).";
        public const string Submit = "Suivre";
        public const string NoScriptLink = "Suivre cet artiste";
        public static string PageTitle(string artist) => $"Suivre {artist}";
        /// <summary>The same answer for a new, pending or confirmed address: nothing tells them apart.</summary>
        public static string Answer(string artist) =>
            $"Merci ! Si cette adresse ne suit pas encore {artist}, un mail de confirmation vient d’y être envoyé : ouvrez son lien pour commencer.";
    }

    public static class Alert
    {
        public const string Heading = "M’alerter des nouvelles œuvres";
        public const string Intro = "Recevez chaque jour les nouvelles œuvres de cette recherche (au plus un mail par jour, pendant 180 jours, désabonnement en un clic).";
        public const string Submit = "Créer l’alerte";
        public const string NoScriptLink = "Créer une alerte pour cette recherche";
        public const string PageTitle = "Alerte pour une recherche";
        public const string NoFilters = "Choisissez d’abord une recherche ou des filtres : une alerte porte sur une recherche.";
        public const string SeeSearch = "Voir cette recherche";
        public const string Answer =
            "Merci ! Si cette adresse n’a pas encore cette alerte, un mail de confirmation vient d’y être envoyé : ouvrez son lien pour l’activer.";
    }

    public static class Confirm
    {
        public const string PageTitle = "Confirmer l’abonnement";
        public static string FollowQuestion(string artist) => $"Confirmez-vous vouloir recevoir les nouvelles œuvres de {artist} ?";
        public const string AlertQuestion = "Confirmez-vous vouloir recevoir chaque jour les nouvelles œuvres de cette recherche ?";
        public const string Submit = "Oui, je confirme";
        public const string Done = "C’est confirmé. Vous recevrez au plus un mail par jour, seulement s’il y a du nouveau.";
    }

    public static class Renew
    {
        public const string PageTitle = "Prolonger l’alerte";
        public static string Question(DateTime expiresAt) => $"Cette alerte prend fin le {DoualaTime.Format(expiresAt)}. La prolonger de 180 jours à partir d’aujourd’hui ?";
        public const string Submit = "Prolonger de 180 jours";
        public static string Done(DateTime expiresAt) => $"C’est fait : l’alerte court jusqu’au {DoualaTime.Format(expiresAt)}.";
    }

    public static class Unsubscribe
    {
        public const string PageTitle = "Se désabonner";
        public const string FollowsQuestion = "Ne plus recevoir les nouvelles œuvres des artistes que vous suivez ?";
        public static string FollowQuestion(string artist) => $"Ne plus suivre {artist} ?";
        public const string AlertQuestion = "Ne plus recevoir les nouvelles œuvres de cette recherche ?";
        public const string Submit = "Me désabonner";
        public const string Done = "C’est fait : vous ne recevrez plus ces mails.";
        /// <summary>The answer to a mail client's one-click POST (RFC 8058), read by nobody but shown by some.</summary>
        public const string OneClickDone = "Désabonnement effectué.";
        public const string OneClickMalformed = "Désabonnement en un clic : le corps attendu est List-Unsubscribe=One-Click.";
    }

    public static class Atelier
    {
        public static string Followers(int count) => count switch
        {
            0 => "Personne ne suit encore votre page",
            1 => "1 personne suit votre page",
            _ => $"{Money.Number(count)} personnes suivent votre page",
        };
    }

    public static class Mails
    {
        private const string UnsubscribeLine = "Pour ne plus recevoir ces mails, en un clic :";
        private const string NotYou = "Si vous n’avez rien demandé, ignorez ce mail : rien ne vous sera envoyé.";

        public static MailMessage FollowConfirmation(string to, string artistName, Uri confirmLink, Uri unsubscribeLink) => SubscriptionMails.Build(to,
            $"Confirmez : suivre {artistName} sur PosaX",
            "Bonjour,",
            $"Pour recevoir un mail quand {artistName} publie de nouvelles œuvres sur PosaX (au plus un par jour), confirmez ici :",
            confirmLink, "Confirmer", [],
            NotYou, UnsubscribeLine, unsubscribeLink);

        public static MailMessage AlertConfirmation(string to, Uri searchLink, Uri confirmLink, Uri unsubscribeLink) => SubscriptionMails.Build(to,
            "Confirmez votre alerte PosaX",
            "Bonjour,",
            $"Pour recevoir chaque jour les nouvelles œuvres de cette recherche pendant 180 jours ({searchLink}), confirmez ici :",
            confirmLink, "Confirmer l’alerte", [],
            NotYou, UnsubscribeLine, unsubscribeLink);

        public static MailMessage FollowDigest(string to, IReadOnlyList<DigestWork> works, Uri unsubscribeLink) => SubscriptionMails.Build(to,
            works.Count == 1 ? "Une nouvelle œuvre de vos artistes sur PosaX" : $"{works.Count} nouvelles œuvres de vos artistes sur PosaX",
            "Bonjour,",
            "Les artistes que vous suivez ont publié depuis notre dernier mail :",
            null, null, works,
            "Vous recevez ce mail parce que vous suivez ces artistes sur PosaX.", "Pour ne plus suivre aucun artiste, en un clic :", unsubscribeLink);

        public static MailMessage AlertDigest(string to, IReadOnlyList<DigestWork> works, int total, Uri allLink, Uri renewLink, DateTime expiresAt, Uri unsubscribeLink) =>
            SubscriptionMails.Build(to,
                total == 1 ? "Une nouvelle œuvre pour votre alerte PosaX" : $"{Money.Number(total)} nouvelles œuvres pour votre alerte PosaX",
                "Bonjour,",
                total > works.Count
                    ? $"{Money.Number(total)} nouvelles œuvres correspondent à votre recherche. Les {works.Count} plus récentes :"
                    : "De nouvelles œuvres correspondent à votre recherche :",
                allLink, "Voir toutes les œuvres de cette recherche", works,
                $"Cette alerte prend fin le {DoualaTime.Format(expiresAt)}. Pour la prolonger de 180 jours : {renewLink}",
                "Pour arrêter cette alerte, en un clic :", unsubscribeLink);

        public static MailMessage AlertEndingSoon(string to, Uri searchLink, Uri renewLink, DateTime expiresAt, Uri unsubscribeLink) => SubscriptionMails.Build(to,
            "Votre alerte PosaX prend bientôt fin",
            "Bonjour,",
            $"Votre alerte sur cette recherche ({searchLink}) prend fin le {DoualaTime.Format(expiresAt)}. Pour la prolonger de 180 jours :",
            renewLink, "Prolonger l’alerte", [],
            "Sans rien faire, elle s’arrêtera d’elle-même.", UnsubscribeLine, unsubscribeLink);

        public static string Price(long amount) => Money.Fcfa(amount);
        public static string By(string artist) => $"par {artist}";
    }
}
