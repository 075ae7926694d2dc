using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.About;

/// <summary>Every text of the trust and legal pages and of /contact (the pages' bodies are Markdown files in Pages/).</summary>
public static class AboutTexts
{
    private static readonly TextResources Strings = new(typeof(AboutTexts));

    /// <summary>Title (the &lt;h1&gt; too) and description of each page written in Markdown, by its French slug.</summary>
    public static IReadOnlyDictionary<string, (string Title, string Description)> Pages =>
        InfoPages.Slugs.ToDictionary(slug => slug, slug => (Strings[$"Pages.{slug}.Title"], Strings[$"Pages.{slug}.Description"]));

    /// <summary>The footer's links, in order (the layout writes them; L1's tag helper gives them their English paths).</summary>
    public static (string Path, string Label)[] FooterLinks =>
    [
        ("/a-propos", Strings["FooterLinks.About"]),
        ("/comment-acheter", Strings["FooterLinks.HowToBuy"]),
        ("/contact", Strings["FooterLinks.Contact"]),
        ("/mentions-legales", Strings["FooterLinks.LegalNotice"]),
        ("/conditions-generales", Strings["FooterLinks.Terms"]),
        ("/confidentialite", Strings["FooterLinks.Privacy"]),
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

        /// <summary>
        /// The visitor's message, mailed to the team in the team's language (French); a message written on an
        /// English page says so, so that the answer is in English.
        /// </summary>
        public static MailMessage Mail(string to, string name, string email, string message)
        {
            var english = Languages.Current == Languages.English;
            using var _ = Languages.Use(Languages.French);
            var intro = Strings.Format("Contact.Mail.Intro", name, email, message);
            if (english) intro = Strings["Contact.Mail.WrittenInEnglish"] + "\n\n" + intro;
            return MailTemplates.Build(to, Strings.Format("Contact.Mail.Subject", name), Strings["Contact.Mail.Greeting"], intro, null,
                Strings.Format("Contact.Mail.Footer", email));
        }
    }
}
