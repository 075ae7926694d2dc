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
        public static string Heading(string artist) => Strings.Format("Follow.Heading", artist);
        public static string Intro(string artist) => Strings.Format("Follow.Intro", artist);
        public static string Submit => Strings["Follow.Submit"];
        public static string NoScriptLink => Strings["Follow.NoScriptLink"];
        public static string PageTitle(string artist) => Strings.Format("Follow.PageTitle", artist);
        /// <summary>The same answer for a new, pending or confirmed address: nothing tells them apart.</summary>
        public static string Answer(string artist) => Strings.Format("Follow.Answer", artist);
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
        public static string FollowQuestion(string artist) => Strings.Format("Confirm.FollowQuestion", artist);
        public static string AlertQuestion => Strings["Confirm.AlertQuestion"];
        public static string Submit => Strings["Confirm.Submit"];
        public static string Done => Strings["Confirm.Done"];
    }

    public static class Renew
    {
        public static string PageTitle => Strings["Renew.PageTitle"];
        public static string Question(DateTime expiresAt) => Strings.Format("Renew.Question", DoualaTime.Format(expiresAt));
        public static string Submit => Strings["Renew.Submit"];
        public static string Done(DateTime expiresAt) => Strings.Format("Renew.Done", DoualaTime.Format(expiresAt));
    }

    public static class Unsubscribe
    {
        public static string PageTitle => Strings["Unsubscribe.PageTitle"];
        public static string FollowsQuestion => Strings["Unsubscribe.FollowsQuestion"];
        public static string FollowQuestion(string artist) => Strings.Format("Unsubscribe.FollowQuestion", artist);
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
            0 => Strings["Atelier.Followers.Zero"],
            1 => Strings["Atelier.Followers.One"],
            _ => Strings.Format("Atelier.Followers.Many", Money.Number(count)),
        };
    }

    public static class Mails
    {
        private static string UnsubscribeLine => Strings["Mails.UnsubscribeLine"];
        private static string NotYou => Strings["Mails.NotYou"];
        private static string Greeting => Strings["Mails.Greeting"];

        /// <summary>What ends a link's label in the text part when the link goes on the next line (" :" in French).</summary>
        public static string Colon => Strings["Mails.Colon"];

        public static MailMessage FollowConfirmation(string to, string artistName, Uri confirmLink, Uri unsubscribeLink) => SubscriptionMails.Build(to,
            Strings.Format("Mails.FollowConfirmation.Subject", artistName),
            Greeting,
            Strings.Format("Mails.FollowConfirmation.Intro", artistName),
            confirmLink, Strings["Mails.FollowConfirmation.Link"], [],
            NotYou, UnsubscribeLine, unsubscribeLink);

        public static MailMessage AlertConfirmation(string to, Uri searchLink, Uri confirmLink, Uri unsubscribeLink) => SubscriptionMails.Build(to,
            Strings["Mails.AlertConfirmation.Subject"],
            Greeting,
            Strings.Format("Mails.AlertConfirmation.Intro", searchLink),
            confirmLink, Strings["Mails.AlertConfirmation.Link"], [],
            NotYou, UnsubscribeLine, unsubscribeLink);

        public static MailMessage FollowDigest(string to, IReadOnlyList<DigestWork> works, Uri unsubscribeLink) => SubscriptionMails.Build(to,
            works.Count == 1 ? Strings["Mails.FollowDigest.SubjectOne"] : Strings.Format("Mails.FollowDigest.SubjectMany", works.Count),
            Greeting,
            Strings["Mails.FollowDigest.Intro"],
            null, null, works,
            Strings["Mails.FollowDigest.Footer"], Strings["Mails.FollowDigest.UnsubscribeLine"], unsubscribeLink);

        public static MailMessage AlertDigest(string to, IReadOnlyList<DigestWork> works, int total, Uri allLink, Uri renewLink, DateTime expiresAt, Uri unsubscribeLink) =>
            SubscriptionMails.Build(to,
                total == 1 ? Strings["Mails.AlertDigest.SubjectOne"] : Strings.Format("Mails.AlertDigest.SubjectMany", Money.Number(total)),
                Greeting,
                total > works.Count
                    ? Strings.Format("Mails.AlertDigest.IntroLatest", Money.Number(total), works.Count)
                    : Strings["Mails.AlertDigest.Intro"],
                allLink, Strings["Mails.AlertDigest.Link"], works,
                Strings.Format("Mails.AlertDigest.Footer", DoualaTime.Format(expiresAt), renewLink),
                Strings["Mails.AlertDigest.UnsubscribeLine"], unsubscribeLink);

        public static MailMessage AlertEndingSoon(string to, Uri searchLink, Uri renewLink, DateTime expiresAt, Uri unsubscribeLink) => SubscriptionMails.Build(to,
            Strings["Mails.AlertEndingSoon.Subject"],
            Greeting,
            Strings.Format("Mails.AlertEndingSoon.Intro", searchLink, DoualaTime.Format(expiresAt)),
            renewLink, Strings["Mails.AlertEndingSoon.Link"], [],
            Strings["Mails.AlertEndingSoon.Footer"], UnsubscribeLine, unsubscribeLink);

        public static string Price(long amount) => Money.Fcfa(amount);
        public static string By(string artist) => Strings.Format("Mails.By", artist);
    }
}
