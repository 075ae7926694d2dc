using System.Diagnostics.CodeAnalysis;

namespace PosaX.Web.Infrastructure.Images;

public enum ImageKind { ProfilePhoto, Artwork }

/// <summary>A stored, re-encoded image. Width/Height are those of the largest variant, after EXIF orientation.</summary>
public sealed record StoredImage(string Key, int Width, int Height, IReadOnlyList<int> Widths);

/// <summary>Why an upload was refused: 400 or 413 (the file), 507 (the server's storage is full), with a French message meant for the user.</summary>
public sealed record ImageRejection(int StatusCode, string Message);

public sealed class ImageResult
{
    private ImageResult(StoredImage? image, ImageRejection? rejection)
    {
        Image = image;
        Rejection = rejection;
    }

    public StoredImage? Image { get; }
    public ImageRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Image))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool Succeeded => Image is not null;

    public static ImageResult Success(StoredImage image) =>
        new(image ?? throw new ArgumentNullException(nameof(image)), null);

    public static ImageResult Rejected(ImageRejection rejection) =>
        new(null, rejection ?? throw new ArgumentNullException(nameof(rejection)));

    public static ImageResult Rejected(int statusCode, string message) => Rejected(new ImageRejection(statusCode, message));
}
