using System.Text.RegularExpressions;

namespace PosaX.Web.Features.Statistics;

/// <summary>
/// Who is not counted: robots (search engines, link previews, monitors, scripts, headless browsers)
/// by their user agent, and a request without one. A simple, robust rule rather than a long list:
/// every well-behaved robot names itself with one of these words (Googlebot, bingbot, facebookexternalhit,
/// WhatsApp's preview, curl, HeadlessChrome, Lighthouse…). A robot that runs no script never sends
/// the view beacon at all.
/// </summary>
public static partial class Visitors
{
    [GeneratedRegex(@"bot\b|bot/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|whatsapp|telegram|skype|preview|headless|lighthouse|pagespeed|chrome-lighthouse|phantomjs|selenium|puppeteer|playwright|python|curl|wget|httpclient|http-client|okhttp|go-http|java/|libwww|axios|node-fetch|undici|scrapy|feedfetcher|mediapartners|adsbot|apis-google|google-inspectiontool|yandex|baidu|semrush|ahrefs|petalbot|bytespider|monitor|uptime|pingdom|posax",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 50)]
    private static partial Regex RobotWords();

    public static bool IsRobot(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        if (agent.Length is < 10 or > 512) return true;
        try
        {
            return RobotWords().IsMatch(agent);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
