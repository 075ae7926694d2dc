namespace PosaX.Web.Infrastructure.Images;

/// <summary>
/// Where the pages send browsers for pictures: <c>/media/…</c> (the app, from disk or from the bucket),
/// or, with <c>Storage__Provider=S3</c> and <c>Storage__S3__PublicBaseUrl</c> set, that base (a CDN or
/// a public bucket) followed by the object's name, <c>{key}/{file}</c>. Every picture URL a page writes
/// comes from <see cref="ImagePipeline.Url"/>, <see cref="ImagePipeline.SrcSet"/> and
/// <see cref="ImagePipeline.OgUrl"/>, which read the base of the app serving the request: set by
/// <see cref="MediaEndpoints.UsePosaXMedia"/> at the start of each request (per request rather than
/// per process, so that several apps in one process, as in the tests, each keep their own).
/// </summary>
public static class PublicMediaUrls
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The base of picture URLs for this request: <c>/media</c>, or the public base without its final slash.</summary>
    public static string Base => Current.Value ?? MediaEndpoints.RequestPath;

    internal static void UseFor(string? publicBase) => Current.Value = publicBase;

    /// <summary>
    /// The public base the settings ask for (null: the app serves /media), checked at start: an absolute
    /// http(s) URL without query or fragment.
    /// </summary>
    public static string? FromSettings(StorageOptions storage)
    {
        var configured = storage.S3.PublicBaseUrl;
        if (storage.Provider != StorageProvider.S3 || string.IsNullOrWhiteSpace(configured)) return null;
        if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new InvalidOperationException("Storage__S3__PublicBaseUrl must be an absolute http(s) URL without query, e.g. https://cdn.example.com/media.");
        return uri.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>The origin to allow in the CSP's img-src (null when the app serves the pictures).</summary>
    public static string? Origin(StorageOptions storage) =>
        FromSettings(storage) is { } publicBase ? new Uri(publicBase).GetLeftPart(UriPartial.Authority) : null;
}
