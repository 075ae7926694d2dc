using System.Reflection;
using System.Text.RegularExpressions;
using PosaX.Web.Infrastructure.Email;

namespace PosaX.Tests.Features.Shared;

/// <summary>
/// Every mail the site writes, found by reflection (each static method of the app returning a
/// <see cref="MailMessage"/>), filled with sample values that end with a full stop as people type
/// them: both a text and an HTML part, no "..", no invitation to reply (mails leave from a no-reply
/// address), every link absolute.
/// </summary>
public class MailTemplateTests
{
    private const string Sample = "Valeur d’essai.";
    private static readonly Uri SampleLink = new("https://posax.test/lien?code=abc");

    public static IEnumerable<TestCaseData> Templates() =>
        typeof(MailMessage).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(MailMessage) && m.DeclaringType != typeof(MailTemplates))
            .Select(m => new TestCaseData(m).SetArgDisplayNames($"{m.DeclaringType!.FullName!.Replace("PosaX.Web.", "")}.{m.Name}"));

    [Test]
    public void Every_mail_template_is_found()
    {
        var names = Templates().Select(t => ((MethodInfo)t.Arguments[0]!).Name).ToList();
        Assert.That(names, Does.Contain("Activation").And.Contain("WorkHidden").And.Contain("ArtistSuspended").And.Contain("ArtistMail")
            .And.Contain("FollowDigest").And.Contain("AlertDigest"));
    }

    [TestCaseSource(nameof(Templates))]
    public void A_mail_has_both_parts_no_double_full_stop_no_invitation_to_reply_and_only_absolute_links(MethodInfo template)
    {
        var mail = (MailMessage)template.Invoke(null, template.GetParameters().Select(p => SampleOf(p.ParameterType, p.Name)).ToArray())!;
        Assert.Multiple(() =>
        {
            Assert.That(mail.Subject, Is.Not.Empty);
            Assert.That(mail.TextBody.Trim(), Is.Not.Empty, "a text part");
            Assert.That(mail.HtmlBody, Does.Contain("<html").And.Contain("</html>"), "an HTML part");
            foreach (var (part, body) in new[] { ("text", mail.TextBody), ("HTML", mail.HtmlBody) })
            {
                Assert.That(Regex.IsMatch(body, @"(?<!\.)\.\.(?!\.)"), Is.False, $"no '..' in the {part} part:\n{body}");
                Assert.That(Regex.IsMatch(body, @"r[ée]pond(ez|re) à ce (message|mail|courriel)|reply", RegexOptions.IgnoreCase), Is.False,
                    $"no invitation to reply to a no-reply address in the {part} part:\n{body}");
            }
            foreach (Match href in Regex.Matches(mail.HtmlBody, "href=\"([^\"]*)\""))
                Assert.That(href.Groups[1].Value, Does.StartWith("https://").Or.StartWith("mailto:"), "absolute links only");
            Assert.That(Regex.IsMatch(mail.TextBody, @"(^|\s)/[a-z]"), Is.False, $"no relative path in the text part:\n{mail.TextBody}");
        });
    }

    /// <summary>A value for a parameter: strings end with a full stop, links are absolute, records are filled alike.</summary>
    private static object? SampleOf(Type type, string? name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        // An address cannot end with a full stop.
        if (underlying == typeof(string) && (name is "to" || name?.Contains("mail", StringComparison.OrdinalIgnoreCase) == true)) return "artiste@exemple.cm";
        if (underlying == typeof(string)) return Sample;
        if (underlying == typeof(Uri)) return SampleLink;
        if (underlying == typeof(long) || underlying == typeof(int)) return Convert.ChangeType(150_000, underlying);
        if (underlying == typeof(DateTime)) return new DateTime(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
        if (underlying.IsEnum) return Enum.GetValues(underlying).GetValue(0);
        // A list (the works of a digest): two samples of its element.
        if (underlying.IsArray || underlying.IsGenericType && underlying.GetGenericTypeDefinition() is var generic
            && (generic == typeof(IReadOnlyList<>) || generic == typeof(IEnumerable<>) || generic == typeof(IList<>)))
        {
            var element = underlying.IsArray ? underlying.GetElementType()! : underlying.GetGenericArguments()[0];
            var items = Array.CreateInstance(element, 2);
            for (var i = 0; i < items.Length; i++) items.SetValue(SampleOf(element, null), i);
            return items;
        }
        var constructor = underlying.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke(constructor.GetParameters().Select(p => SampleOf(p.ParameterType, p.Name)).ToArray());
    }
}
