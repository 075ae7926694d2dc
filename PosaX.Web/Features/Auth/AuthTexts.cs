using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Auth;

/// <summary>
/// Every text of the Auth feature a user reads: the login and register panels (at the top), then one
/// class per other page, the password rules and the account mails.
/// </summary>
public static class AuthTexts
{
    private static readonly TextResources Strings = new(typeof(AuthTexts));

    public static string PageTitleLogin => Strings["PageTitleLogin"];
    public static string PageTitleRegister => Strings["PageTitleRegister"];
    public static string DescriptionLogin => Strings["DescriptionLogin"];
    public static string DescriptionRegister => Strings["DescriptionRegister"];
    public static string HeadingLogin => Strings["HeadingLogin"];
    public static string HeadingRegister => Strings["HeadingRegister"];
    public static string LoginHeading => Strings["LoginHeading"];
    public static string RegisterHeading => Strings["RegisterHeading"];
    public static string NoAccount => Strings["NoAccount"];
    public static string HaveAccount => Strings["HaveAccount"];
    public static string Email => Strings["Email"];
    public static string Password => Strings["Password"];
    public static string PasswordHint => Strings["PasswordHint"];
    public static string ConfirmPassword => Strings["ConfirmPassword"];
    public static string Name => Strings["Name"];
    public static string WhatsApp => Strings["WhatsApp"];
    public static string WhatsAppHint => Strings["WhatsAppHint"];
    public static string Photo => Strings["Photo"];
    public static string PhotoHint => Strings["PhotoHint"];
    public static string RememberMe => Strings["RememberMe"];
    public static string ForgotPasswordLink => Strings["ForgotPasswordLink"];
    public static string SignIn => Strings["SignIn"];
    public static string SignUp => Strings["SignUp"];
    public static string TermsBefore => Strings["TermsBefore"];
    public static string TermsLink => Strings["TermsLink"];
    public static string TermsRequired => Strings["TermsRequired"];
    public static string WrongCredentials => Strings["WrongCredentials"];
    public static string Suspended => Strings["Suspended"];
    public static string NotActivated => Strings["NotActivated"];
    public static string ResendActivation => Strings["ResendActivation"];
    public static string Registered => Strings["Registered"];
    public static string PasswordReset => Strings["PasswordReset"];
    public static string InvalidEmail => Strings["InvalidEmail"];
    public static string EmailRequired => Strings["EmailRequired"];
    public static string PasswordRequired => Strings["PasswordRequired"];
    public static string PasswordsDiffer => Strings["PasswordsDiffer"];

    public static class ForgotPassword
    {
        public static string Title => Strings["ForgotPassword.Title"];
        public static string Explanation => Strings["ForgotPassword.Explanation"];
        public static string Send => Strings["ForgotPassword.Send"];
        public static string Sent => Strings["ForgotPassword.Sent"];
    }

    public static class ResetPassword
    {
        public static string Title => Strings["ResetPassword.Title"];
        public static string NewPassword => Strings["ResetPassword.NewPassword"];
        public static string Save => Strings["ResetPassword.Save"];
        public static string InvalidLink => Strings["ResetPassword.InvalidLink"];
    }

    public static class RegisterConfirmation
    {
        public static string Title => Strings["RegisterConfirmation.Title"];
        public static string Explanation => Strings["RegisterConfirmation.Explanation"];
        public static string Spam => Strings["RegisterConfirmation.Spam"];
        public static string Resend => Strings["RegisterConfirmation.Resend"];
        public static string Sent => Strings["RegisterConfirmation.Sent"];
    }

    public static class TwoFactorLogin
    {
        public static string Title => Strings["TwoFactorLogin.Title"];
        public static string Explanation => Strings["TwoFactorLogin.Explanation"];
        public static string Code => Strings["TwoFactorLogin.Code"];
        public static string Verify => Strings["TwoFactorLogin.Verify"];
        public static string LostDevice => Strings["TwoFactorLogin.LostDevice"];
        public static string RecoveryExplanation => Strings["TwoFactorLogin.RecoveryExplanation"];
        public static string RecoveryCode => Strings["TwoFactorLogin.RecoveryCode"];
        public static string UseRecovery => Strings["TwoFactorLogin.UseRecovery"];
        public static string WrongCode => Strings["TwoFactorLogin.WrongCode"];
        public static string CodeRequired => Strings["TwoFactorLogin.CodeRequired"];
        public static string Expired => Strings["TwoFactorLogin.Expired"];
    }

    public static class Activation
    {
        public static string InvalidHeading => Strings["Activation.InvalidHeading"];
        public static string InvalidExplanation => Strings["Activation.InvalidExplanation"];
        public static string AlreadyActiveHeading => Strings["Activation.AlreadyActiveHeading"];
        public static string AlreadyActiveExplanation => Strings["Activation.AlreadyActiveExplanation"];
    }

    public static class Logout
    {
        public static string Title => Strings["Logout.Title"];
        public static string SignOut => Strings["Logout.SignOut"];
        public static string SignedOut => Strings["Logout.SignedOut"];
    }

    /// <summary>The answers of the cookie's 401 and 403 to an AJAX request.</summary>
    public static class Access
    {
        public static string SessionExpired => Strings["Access.SessionExpired"];
        public static string Forbidden => Strings["Access.Forbidden"];
    }

    /// <summary>What <see cref="PasswordRules"/> says of a password it refuses.</summary>
    public static class Passwords
    {
        public static string Required => Strings["Passwords.Required"];
        public static string TooShort(int min) => Strings.Format("Passwords.TooShort", min);
        public static string TooLong(int max) => Strings.Format("Passwords.TooLong", max);
        public static string TooCommon => Strings["Passwords.TooCommon"];
        public static string IsEmail => Strings["Passwords.IsEmail"];
        public static string IsName => Strings["Passwords.IsName"];
    }

    /// <summary>The account mails (<see cref="AccountMails"/>).</summary>
    public static class Mails
    {
        private static string Greeting(string name) => Strings.Format("Mails.Greeting", name);

        public static MailMessage Activation(string to, string name, Uri link) => MailTemplates.Build(to,
            Strings["Mails.Activation.Subject"],
            Greeting(name),
            Strings["Mails.Activation.Intro"],
            link,
            Strings["Mails.Activation.Footer"]);

        public static MailMessage AlreadyRegistered(string to, string name, Uri loginLink, Uri resetLink) => MailTemplates.Build(to,
            Strings["Mails.AlreadyRegistered.Subject"],
            Greeting(name),
            Strings["Mails.AlreadyRegistered.Intro"],
            loginLink,
            Strings.Format("Mails.AlreadyRegistered.Footer", resetLink));

        public static MailMessage PasswordReset(string to, string name, Uri link) => MailTemplates.Build(to,
            Strings["Mails.PasswordReset.Subject"],
            Greeting(name),
            Strings["Mails.PasswordReset.Intro"],
            link,
            Strings["Mails.PasswordReset.Footer"]);

        public static MailMessage PasswordChanged(string to, string name, Uri resetLink) => MailTemplates.Build(to,
            Strings["Mails.PasswordChanged.Subject"],
            Greeting(name),
            Strings["Mails.PasswordChanged.Intro"],
            resetLink,
            null);
    }
}
