using System.Text.RegularExpressions;

namespace PosaX.Web.Features.Profile;

/// <summary>
/// Facebook and Instagram: a full link or just the account name, stored as an https link on
/// the network's own host (never a javascript: or foreign URL rendered on our pages).
/// </summary>
public static partial class SocialLinks
{
    public sealed record Network(string BaseUrl, string[] Hosts);

    public static readonly Network Facebook = new("https://www.facebook.com/", ["facebook.com", "www.facebook.com", "m.facebook.com", "fb.com", "web.facebook.com"]);
    public static readonly Network Instagram = new("https://www.instagram.com/", ["instagram.com", "www.instagram.com"]);

    /// <summary>Empty input is valid (nothing to store): <paramref name="url"/> is then "".</summary>
    public static bool TryNormalize(string? input, Network network, out string url)
    {
        url = "";
        var value = input?.Trim() ?? "";
        if (value.Length == 0) return true;
        if (value.Length > 200) return false;
        string path;
        if (value.Contains('/') || value.Contains('.') && value.Contains("com", StringComparison.OrdinalIgnoreCase))
        {
            if (!value.StartsWith("http", StringComparison.OrdinalIgnoreCase)) value = "https://" + value;
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || !network.Hosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase)) return false;
            path = uri.AbsolutePath.Trim('/');
        }
        else path = value.TrimStart('@');
        if (!AccountPath().IsMatch(path)) return false;
        url = network.BaseUrl + path;
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._\-]{1,100}(/[A-Za-z0-9._\-]{1,100})?$")]
    private static partial Regex AccountPath();
}
