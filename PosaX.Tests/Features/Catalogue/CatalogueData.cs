using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;

namespace PosaX.Tests.Features.Catalogue;

/// <summary>Unique words and page readers: tests share a database, so each one finds its own works by a word of its own.</summary>
public static class CatalogueData
{
    /// <summary>Letters only (search folds and stems words; digits would make them "numwords").</summary>
    public static string Word(int length = 9)
    {
        var letters = "bcdfghjklmnpqrstvwxz";
        var vowels = "aeiou";
        var random = Random.Shared;
        return string.Concat(Enumerable.Range(0, length).Select(i => i % 2 == 0 ? letters[random.Next(letters.Length)] : vowels[random.Next(vowels.Length)]));
    }

    public static Task<string> SlugOfAsync(PosaXApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync());

    public static string[] Titles(IHtmlDocument page, string scope = "") =>
        page.QuerySelectorAll($"{scope} .artwork-card__title").Select(t => t.TextContent.Trim()).ToArray();

    public static string ResultCount(IHtmlDocument page) =>
        page.GetElementById("result-count")?.TextContent.Trim().Replace('\u00A0', ' ') ?? throw new AssertionException("No #result-count.");
}
