using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Subscriptions;

/// <summary>Every text of follows, saved-search alerts, their confirmation, unsubscribe and digest mails.</summary>
public static class SubscriptionsTexts
{
    private static readonly TextResources Strings = new(typeof(SubscriptionsTexts));

    public static string EmailLabel => Strings["EmailLabel"];
    public static string EmailPlaceholder => Strings["EmailPlaceholder"];
    public static string EmailRequired => Strings["EmailRequired"];
    public static string EmailInvalid => Strings["EmailInvalid"];
    public static string NoScriptHint => Strings["NoScriptHint"];
    public static string NotOnSite => Strings["NotOnSite"];
    public static string LinkInvalid => Strings["LinkInvalid"];
    public static string BackHome => Strings["BackHome"];

    public static class Follow
    {
        public static string Heading(string artist) => $"Suivre {artist}";
        public static string Intro(string artist) => $"Recevez un mail quand {artist} publie de nouvelles œuvres (au plus un par jour, désabonnement en un clic).";
        public static string Submit => Strings["Follow.Submit"];
        public static string NoScriptLink => Strings["Follow.NoScriptLink"];
        public static string PageTitle(string artist) => $"Suivre {artist}";
        /// <summary>The same answer for a new, pending or confirmed address: nothing tells them apart.</summary>
        public static string Answer(string artist) =>
            $"Merci ! Si cette adresse ne suit pas encore {artist}, un mail de confirmation vient d’y être envoyé : ouvrez son lien pour commencer.";
    }

    public static class Alert
    {
        public static string Heading => Strings["Alert.Heading"];
        public static string Intro => Strings["Alert.Intro"];
        public static string Submit => Strings["Alert.Submit"];
        public static string NoScriptLink => Strings["Alert.NoScriptLink"];
        public static string PageTitle => Strings["Alert.PageTitle"];
        public static string NoFilters => Strings["Alert.NoFilters"];
        public static string SeeSearch => Strings["Alert.SeeSearch"];
        public static string Answer => Strings["Alert.Answer"];
    }

    public static class Confirm
    {
        public static string PageTitle => Strings["Confirm.PageTitle"];
        public static string FollowQuestion(string artist) => $"Confirmez-vous vouloir recevoir les nouvelles œuvres de {artist} ?";
        public static string AlertQuestion => Strings["Confirm.AlertQuestion"];
        public static string Submit => Strings["Confirm.Submit"];
        public static string Done => Strings["Confirm.Done"];
    }

    public static class Renew
    {
        public static string PageTitle => Strings["Renew.PageTitle"];
        public static string Question(DateTime expiresAt) => $"Cette alerte prend fin le {DoualaTime.Format(expiresAt)}. La prolonger de 180 jours à partir d’aujourd’hui ?";
        public static string Submit => Strings["Renew.Submit"];
        public static string Done(DateTime expiresAt) => $"C’est fait : l’alerte court jusqu’au {DoualaTime.Format(expiresAt)}.";
    }

    public static class Unsubscribe
    {
        public static string PageTitle => Strings["Unsubscribe.PageTitle"];
        public static string FollowsQuestion => Strings["Unsubscribe.FollowsQuestion"];
        public static string FollowQuestion(string artist) => $"Ne plus suivre {artist} ?";
        public static string AlertQuestion => Strings["Unsubscribe.AlertQuestion"];
        public static string Submit => Strings["Unsubscribe.Submit"];
        public static string Done => Strings["Unsubscribe.Done"];
        /// <summary>The answer to a mail client's one-click POST (RFC 8058), read by nobody but shown by some.</summary>
        public static string OneClickDone => Strings["Unsubscribe.OneClickDone"];
        public static string OneClickMalformed => Strings["Unsubscribe.OneClickMalformed"];
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
