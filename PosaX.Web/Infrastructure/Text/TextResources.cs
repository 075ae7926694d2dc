using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// The resources behind a feature's texts class: <c>CatalogueTexts.resx</c> (French, the neutral
/// language) and <c>CatalogueTexts.en.resx</c> beside <c>CatalogueTexts.cs</c>, read for the request's
/// <see cref="CultureInfo.CurrentUICulture"/>. They are the very resources ASP.NET Core's
/// <c>IStringLocalizer&lt;CatalogueTexts&gt;</c> reads (same base name); the texts class keeps typed
/// names over them, so a page that asks for a text that does not exist fails to compile, not at run time.
/// </summary>
public sealed class TextResources(Type textsClass)
{
    private readonly ResourceManager _manager = new(textsClass.FullName!, textsClass.Assembly);

    /// <summary>The text under <paramref name="key"/> ("Page.Title" for <c>Texts.Page.Title</c>) in the current UI culture.</summary>
    public string this[string key] =>
        _manager.GetString(key, CultureInfo.CurrentUICulture)
        ?? throw new MissingManifestResourceException($"No text '{key}' in {_manager.BaseName}.");

    /// <summary>The text under <paramref name="key"/>, or null when the resources have no such key (texts keyed by data: a category's slug).</summary>
    public string? Find(string key) => _manager.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>
    /// The text under <paramref name="key"/> in <paramref name="culture"/>'s own resources, whatever the request's
    /// language, without falling back to French: null when that language has no such text (the catalogue's search
    /// reads the categories' English names on every page).
    /// </summary>
    public string? FindIn(CultureInfo culture, string key) =>
        _manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);

    /// <summary>A text with placeholders ({0}, {1:N0}…), numbers and dates written the language's way.</summary>
    public string Format(string key, params object?[] args) =>
        string.Format(Languages.Culture, this[key], args);

    /// <summary>Every key of the neutral (French) resources: what the key-parity test compares.</summary>
    public IReadOnlyCollection<string> Keys(CultureInfo culture)
    {
        var set = _manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
    }
}
