using System.Globalization;

/// <summary>
/// Outside any namespace, so it holds for every test: texts read by a test (PosaX.Web's texts classes) are
/// French, the site's default language, whatever the machine's culture. A test that checks English wraps
/// its reading in <c>using var _ = Languages.Use("en")</c>. The app itself takes each request's language
/// from its path.
/// </summary>
[SetUpFixture]
public sealed class TestLanguage
{
    [OneTimeSetUp]
    public void UseFrench()
    {
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
    }
}
