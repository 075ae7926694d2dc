using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Features.Profile;

/// <summary>Every text of the Profile feature a user reads: the profile page (at the top), the security pages, their mail.</summary>
public static class ProfileTexts
{
    private static readonly TextResources Strings = new(typeof(ProfileTexts));

    public static string Title => Strings["Title"];
    public static string Intro => Strings["Intro"];
    public static string ViewPublic => Strings["ViewPublic"];
    public static string SecurityLink => Strings["SecurityLink"];
    public static string Name => Strings["Name"];
    public static string Bio => Strings["Bio"];
    public static string BioHint => Strings["BioHint"];
    public static string WhatsApp => Strings["WhatsApp"];
    public static string WhatsAppHint => Strings["WhatsAppHint"];
    public static string City => Strings["City"];
    public static string CityHint => Strings["CityHint"];
    public static string CityTooLong => Strings["CityTooLong"];
    public static string Facebook => Strings["Facebook"];
    public static string Instagram => Strings["Instagram"];
    public static string SocialHint => Strings["SocialHint"];
    public static string Photo => Strings["Photo"];
    public static string PhotoHint => Strings["PhotoHint"];
    public static string RemovePhoto => Strings["RemovePhoto"];
    public static string Save => Strings["Save"];
    public static string Saved => Strings["Saved"];
    public static string NameRequired => Strings["NameRequired"];
    public static string NameTooLong => Strings["NameTooLong"];
    public static string BioTooLong => Strings["BioTooLong"];
    public static string WhatsAppInvalid => Strings["WhatsAppInvalid"];
    public static string FacebookInvalid => Strings["FacebookInvalid"];
    public static string InstagramInvalid => Strings["InstagramInvalid"];
    // Issue 18 (L2): the English bio and the language of the account's mails.
    public static string BioEn => Strings["BioEn"];
    public static string BioEnHint => Strings["BioEnHint"];
    public static string BioEnTooLong => Strings["BioEnTooLong"];
    public static string EmailLanguage => Strings["EmailLanguage"];
    public static string EmailLanguageHint => Strings["EmailLanguageHint"];
    public static string EmailLanguageInvalid => Strings["EmailLanguageInvalid"];
    public static string LanguageFrench => Strings["LanguageFrench"];
    public static string LanguageEnglish => Strings["LanguageEnglish"];

    public static class Security
    {
        public static string Title => Strings["Security.Title"];
        public static string Intro => Strings["Security.Intro"];
        public static string Required => Strings["Security.Required"];
        public static string EnabledState => Strings["Security.EnabledState"];
        public static string Step1 => Strings["Security.Step1"];
        public static string Step2 => Strings["Security.Step2"];
        public static string Key => Strings["Security.Key"];
        public static string Step3 => Strings["Security.Step3"];
        public static string Code => Strings["Security.Code"];
        public static string Enable => Strings["Security.Enable"];
        public static string Enabled => Strings["Security.Enabled"];
        public static string WrongCode => Strings["Security.WrongCode"];
        public static string CodeRequired => Strings["Security.CodeRequired"];
        public static string CodesLeft => Strings["Security.CodesLeft"];
        public static string NewCodes => Strings["Security.NewCodes"];
        public static string NewCodesHint => Strings["Security.NewCodesHint"];
        public static string NewCodesDone => Strings["Security.NewCodesDone"];
        public static string Disable => Strings["Security.Disable"];
        public static string DisableHint => Strings["Security.DisableHint"];
        public static string Password => Strings["Security.Password"];
        public static string WrongPassword => Strings["Security.WrongPassword"];
        public static string Disabled => Strings["Security.Disabled"];
        public static string NotEnabled => Strings["Security.NotEnabled"];
        public static string CodesTitle => Strings["Security.CodesTitle"];
        public static string CodesIntro => Strings["Security.CodesIntro"];
        public static string NoCodes => Strings["Security.NoCodes"];
        public static string Continue => Strings["Security.Continue"];
    }

    public static class Mails
    {
        /// <summary>The notice to the owner when two-factor is turned on (someone with a stolen password may have done it).</summary>
        public static MailMessage TwoFactorEnabled(string to, string name, Uri resetLink) => MailTemplates.Build(to,
            Strings["Mails.TwoFactorEnabled.Subject"],
            Strings.Format("Mails.Greeting", name),
            Strings["Mails.TwoFactorEnabled.Intro"],
            resetLink, null);
    }
}
