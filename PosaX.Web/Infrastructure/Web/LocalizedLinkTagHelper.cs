using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// Views write their links as French paths; on an English page this makes every <c>a[href]</c> and
/// <c>form[action]</c> that starts with "/" English (<see cref="LocalizedPaths.For(string)"/>): paths of no
/// English route (/media, /css, /js, /img, /admin…) stay as written. A link that says its language
/// (<c>hreflang</c>: the language switch) is left alone.
/// </summary>
[HtmlTargetElement("a", Attributes = "href")]
[HtmlTargetElement("form", Attributes = "action")]
public sealed class LocalizedLinkTagHelper : TagHelper
{
    // After the framework's own form and anchor helpers have written their attributes.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Languages.Current != Languages.English || output.Attributes.ContainsName("hreflang")) return;
        var name = output.TagName == "form" ? "action" : "href";
        if (!output.Attributes.TryGetAttribute(name, out var attribute) || ValueOf(attribute.Value) is not { } url) return;
        var english = LocalizedPaths.For(url, Languages.English);
        if (!ReferenceEquals(english, url) && english != url) output.Attributes.SetAttribute(name, english);
    }

    private static string? ValueOf(object? value) => value switch
    {
        string s => s,
        HtmlString html => WebUtility.HtmlDecode(html.Value),
        IHtmlContent content => Decode(content),
        _ => null,
    };

    private static string Decode(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return WebUtility.HtmlDecode(writer.ToString());
    }
}
