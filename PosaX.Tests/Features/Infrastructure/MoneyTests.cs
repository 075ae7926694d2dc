using PosaX.Web.Infrastructure.Text;
using Lang = PosaX.Web.Infrastructure.Text.Languages;

namespace PosaX.Tests.Features.Infrastructure;

/// <summary>FCFA in both languages, each written its own way; the euro at the CFA franc's fixed parity.</summary>
public class MoneyTests
{
    [TestCase("fr", 150_000, "150\u202F000\u00A0FCFA")]
    [TestCase("fr", 1_200_000, "1\u202F200\u202F000\u00A0FCFA")]
    [TestCase("fr", 500, "500\u00A0FCFA")]
    [TestCase("en", 150_000, "150,000\u00A0FCFA")]
    [TestCase("en", 1_200_000, "1,200,000\u00A0FCFA")]
    [TestCase("en", 500, "500\u00A0FCFA")]
    public void A_price_is_written_the_readers_way_with_a_no_break_space_before_FCFA(string language, long amount, string expected)
    {
        using var _ = Lang.Use(language);
        Assert.That(Money.Fcfa(amount), Is.EqualTo(expected));
    }

    [TestCase(150_000, 229)]            // 228.67
    [TestCase(655_957, 1_000)]          // exactly 1,000 €
    [TestCase(327, 0)]                  // 0.4985
    [TestCase(329, 1)]                  // 0.5016
    [TestCase(1_000_000_000, 1_524_490)] // the atelier's highest price
    public void The_indicative_euro_price_is_the_FCFA_price_at_655_957_rounded_to_whole_euros(long fcfa, long euros) =>
        Assert.That(Money.IndicativeEuros(fcfa), Is.EqualTo(euros));

    [Test]
    public void The_peg_is_the_treaty_rate() => Assert.That(Money.XafPerEuro, Is.EqualTo(655.957m));

    [TestCase("150000")]
    [TestCase("150 000")]
    [TestCase("150\u202F000\u00A0FCFA")]
    [TestCase("150.000")]
    [TestCase("150000 F CFA")]
    public void The_atelier_still_reads_the_prices_it_read_before_whatever_the_language(string typed)
    {
        foreach (var language in Lang.All)
        {
            using var _ = Lang.Use(language);
            Assert.That(Web.Features.Atelier.ArtworkFields.Price(typed), Is.EqualTo(150_000), $"{typed} ({language})");
        }
    }
}
