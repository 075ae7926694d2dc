// TEMPORARY compile stub until the images branch is merged (the helper writes the real one).
using Microsoft.Extensions.Options;
namespace PosaX.Web.Infrastructure.Images;
public enum ImageKind { ProfilePhoto, Artwork }
public sealed record StoredImage(string Key, int Width, int Height, IReadOnlyList<int> Widths);
public sealed record ImageRejection(int StatusCode, string Message);
public sealed class ImageResult
{
    public StoredImage? Image { get; init; }
    public ImageRejection? Rejection { get; init; }
    public bool Succeeded => Image is not null;
}
public sealed class ImagePipeline(IOptions<StorageOptions> storage)
{
    public string RootPath => storage.Value.Root;
    public Task<ImageResult> ProcessAsync(IFormFile file, ImageKind kind, CancellationToken ct = default) =>
        Task.FromResult(new ImageResult { Rejection = new ImageRejection(400, "stub") });
    public void Delete(string key) { }
    public static string Url(string key, int width) => $"/media/{key}/{width}.webp";
    public static string SrcSet(string key, IEnumerable<int> widths) => string.Join(", ", widths.Select(w => $"{Url(key, w)} {w}w"));
}
public static class MediaEndpoints { public static IApplicationBuilder UsePosaXMedia(this IApplicationBuilder app) => app; }
