using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using PosaX.Web.Data;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Atelier;
using PosaX.Web.Features.Auth;
using PosaX.Web.Features.Orders;
using PosaX.Web.Features.Profile;
using PosaX.Web.Features.Subscriptions;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Tests.Features.Shared;

using Languages = PosaX.Web.Infrastructure.Text.Languages;

/// <summary>
/// The account side of the site (sign-in and sign-up, profile, studio and statistics, orders, follows and alerts,
/// moderation) speaks English on English pages: every text of these texts classes, and every mail they write,
/// reads differently under <c>Languages.Use("en")</c> than in French, except a few words both languages share.
/// </summary>
public class EnglishAccountTextsTests
{
    private static readonly Type[] Classes =
        [typeof(AuthTexts), typeof(ProfileTexts), typeof(AtelierTexts), typeof(OrderTexts), typeof(SubscriptionsTexts), typeof(AdminTexts)];

    /// <summary>Texts that are the same word in both languages (or a number, a date's digits, a price: formatted
    /// by shared code), by member.</summary>
    private static readonly HashSet<string> SameInBoth = new(StringComparer.Ordinal)
    {
        "AtelierTexts.Artworks.Description", "AtelierTexts.Artworks.Dimensions", "AtelierTexts.Artworks.Images",
        "AtelierTexts.Orders.Message", "AtelierTexts.Orders.Date", "AtelierTexts.Statistics.WhatsAppColumn",
        "AtelierTexts.Statistics.Total", "AtelierTexts.Statistics.Count",
        "AdminTexts.Nav.Label", "AdminTexts.Categories.Actions", "AdminTexts.Categories.Active", "AdminTexts.Journal.Action",
        "AdminTexts.Journal.When", "AdminTexts.Journal.NoReason", "AdminTexts.Journal.Moved",
        "ProfileTexts.LanguageFrench", "ProfileTexts.LanguageEnglish", // each language named in itself, on both pages
        "SubscriptionsTexts.Mails.Price", // Money.Fcfa: FCFA in both, grouped per language by the money formatter
    };

    /// <summary>What a table row is keyed by in the page (data attributes), not text.</summary>
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
        { "views", "whatsapp", "favourites-added", "favourites-removed", "orders", "sold", "conversion" };

    [Test]
    public void Every_key_of_these_classes_has_an_English_text()
    {
        foreach (var type in Classes)
        {
            var resources = (TextResources)type.GetField("Strings", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
            var french = resources.Keys(CultureInfo.InvariantCulture);
            var english = resources.Keys(CultureInfo.GetCultureInfo("en"));
            Assert.That(french, Is.Not.Empty, type.Name);
            Assert.That(english, Is.EquivalentTo(french), type.Name);
        }
    }

    [Test]
    public void Every_text_and_mail_reads_differently_in_English()
    {
        var same = new List<string>();
        var compared = 0;
        foreach (var type in Classes.SelectMany(t => TextsReflection.Nested(t)))
        {
            var name = type.FullName!["PosaX.Web.Features.".Length..];
            name = name[(name.IndexOf('.') + 1)..].Replace('+', '.');
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static))
                Compare($"{name}.{property.Name}", () => property.GetValue(null));
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                         .Where(m => !m.IsSpecialName && m.ReturnType != typeof(void)))
                foreach (var arguments in SampleArguments(method))
                    Compare($"{name}.{method.Name}", () => method.Invoke(null, arguments));
        }
        Assert.That(compared, Is.GreaterThan(500), "the reflection found the texts");
        Assert.That(same.Distinct().ToList(), Is.Empty, "Translate these in the class's .en.resx (or allow them here when both languages say the same).");

        void Compare(string where, Func<object?> read)
        {
            if (SameInBoth.Contains(where)) return;
            List<string> french, english;
            using (Languages.Use(Languages.French)) french = TextsReflection.StringsIn(read()).ToList();
            using (Languages.Use(Languages.English)) english = TextsReflection.StringsIn(read()).ToList();
            Assert.That(english, Has.Count.EqualTo(french.Count), where);
            for (var i = 0; i < french.Count; i++)
            {
                compared++;
                if (french[i] == english[i] && french[i].Length > 0 && !Keys.Contains(french[i]))
                    same.Add($"{where}: \"{french[i]}\"");
            }
        }
    }

    [Test]
    public void An_English_mail_says_its_language_and_a_French_one_is_unchanged_in_layout()
    {
        var order = new OrderSummary("PX-7K2M", "Masque", 150_000, new Uri("https://posax.test/oeuvres/1/masque"),
            "Awa", "+237677123456", "awa@example.com", "Bonjour");
        MailMessage english, french;
        using (Languages.Use(Languages.English)) english = OrderTexts.ArtistMail("a@example.com", "Ebo", order, new Uri("https://posax.test/atelier/commandes"));
        using (Languages.Use(Languages.French)) french = OrderTexts.ArtistMail("a@example.com", "Ebo", order, new Uri("https://posax.test/atelier/commandes"));
        Assert.Multiple(() =>
        {
            Assert.That(english.HtmlBody, Does.Contain("<html lang=\"en\">"));
            Assert.That(english.TextBody, Does.StartWith("Hello Ebo,\n\nAwa would like to buy your artwork “Masque”.\n\nReference: PX-7K2M\n"));
            Assert.That(french.HtmlBody, Does.Contain("<html lang=\"fr\">"));
            Assert.That(french.TextBody, Does.StartWith("Bonjour Ebo,\n\nAwa souhaite acheter votre œuvre «\u00A0Masque\u00A0».\n\nRéférence\u00A0: PX-7K2M\n"));
        });
    }

    /// <summary>Counts 0, 1 and 2, every enum value, plain words; the codes some methods translate.</summary>
    private static IEnumerable<object?[]> SampleArguments(MethodInfo method)
    {
        var parameters = method.GetParameters();
        var variants = Math.Max(3, parameters.Select(p => p.ParameterType.IsEnum ? Enum.GetValues(p.ParameterType).Length : 0).DefaultIfEmpty().Max());
        for (var variant = 0; variant < variants; variant++)
            yield return parameters.Select(p => Sample(p, variant)).ToArray();
    }

    private static object? Sample(ParameterInfo parameter, int variant)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var work = new DigestWork("Masque", "Ebo", 150_000, new Uri("https://posax.test/oeuvres/1/masque"), null, 0, 0);
        return type switch
        {
            _ when type == typeof(string) => parameter.Name switch
            {
                "action" => "artwork.hide",
                "code" => "ajoutee",
                _ => "mot",
            },
            _ when type == typeof(int) => variant,
            _ when type == typeof(long) => variant == 0 ? 150_000L : variant,
            _ when type == typeof(double) => 40.5 + variant,
            _ when type == typeof(DateTime) => new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            _ when type == typeof(DateOnly) => new DateOnly(2026, 1, 2),
            _ when type == typeof(Uri) => new Uri("https://posax.test/oeuvres/1/mot"),
            _ when type.IsEnum => Enum.GetValues(type).GetValue(variant % Enum.GetValues(type).Length),
            _ when type == typeof(OrderSummary) => new OrderSummary("PX-7K2M", "Masque", 150_000, new Uri("https://posax.test/oeuvres/1/masque"),
                "Awa", "+237677123456", variant == 0 ? null : "awa@example.com", variant == 0 ? null : "Bonjour"),
            _ when type == typeof(IReadOnlyList<DigestWork>) => Enumerable.Repeat(work, variant + 1).ToList(),
            _ => throw new NotSupportedException($"No sample for {type.Name} ({parameter.Member.DeclaringType?.Name}.{parameter.Member.Name})"),
        };
    }
}
