using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Infrastructure;

/// <summary>
/// Every text a user reads that no feature owns: the AJAX contract's own answers (unreadable or
/// incomplete forms, expired antiforgery, rate limits), the image pipeline's refusals and the
/// mails' signature. The features' texts live in their own <c>&lt;Feature&gt;Texts</c>.
/// </summary>
public static class InfrastructureTexts
{
    private static readonly TextResources Strings = new(typeof(InfrastructureTexts));

    /// <summary>The answers of <see cref="Web.AjaxPageModel"/>, the rate limiter and the antiforgery filter.</summary>
    public static class Ajax
    {
        public static string TooLarge => Strings["Ajax.TooLarge"];
        public static string Unreadable => Strings["Ajax.Unreadable"];
        public static string Incomplete => Strings["Ajax.Incomplete"];
        public static string FixFields => Strings["Ajax.FixFields"];
        public static string InvalidValue => Strings["Ajax.InvalidValue"];
        public static string Untypeable => Strings["Ajax.Untypeable"];
        public static string SessionExpired => Strings["Ajax.SessionExpired"];

        public static string TooManyAttempts(int seconds) => Strings.Format("Ajax.TooManyAttempts", Waiting(seconds));

        public static string TooManyFromClient(int seconds) => Strings.Format("Ajax.TooManyFromClient", seconds);

        private static string Waiting(int seconds) =>
            seconds < 120 ? Strings.Format("Ajax.Seconds", seconds) : Strings.Format("Ajax.Minutes", (seconds + 59) / 60);
    }

    /// <summary>The zone every shown time is in (<see cref="Text.DoualaTime"/>), named once per page that shows times.</summary>
    public static string DoualaZone => Strings["DoualaZone"];

    /// <summary>Why the image pipeline refused an upload, shown at the file's field.</summary>
    public static class Images
    {
        public static string Empty => Strings["Images.Empty"];
        public static string TooLarge => Strings["Images.TooLarge"];
        public static string TooManyPixels => Strings["Images.TooManyPixels"];
        public static string UnsupportedFormat => Strings["Images.UnsupportedFormat"];
        public static string Unreadable => Strings["Images.Unreadable"];
        public static string StorageFull => Strings["Images.StorageFull"];
        public static string StorageUnavailable => Strings["Images.StorageUnavailable"];
    }

    /// <summary>How <see cref="Text.DoualaTime"/> writes a time: .NET date formats, the words in quotes.</summary>
    public static class Dates
    {
        /// <summary>"6 déc. 2026 à 14:05", "6 Dec 2026 at 14:05".</summary>
        public static string DateTime => Strings["Dates.DateTime"];
        public static string DateTimeSeconds => Strings["Dates.DateTimeSeconds"];
    }

    /// <summary>The house layout of every mail (<see cref="Email.MailTemplates"/>); the words of each mail are its feature's.</summary>
    public static class Mail
    {
        public static string Signature => Strings["Mail.Signature"];
    }
}
