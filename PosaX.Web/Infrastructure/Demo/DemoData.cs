using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure.Accounts;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// In Development, an empty database gets a few artists so a newcomer sees a living site.
/// Their photos are generated (no copyrighted pictures) and they have no password: demo
/// profiles cannot be signed into.
/// </summary>
public static class DemoData
{
    private sealed record DemoArtist(string Name, string City, string WhatsApp, string Bio);

    private static readonly DemoArtist[] Artists =
    [
        new("Ngono Béatrice", "Yaoundé", "+237677123456",
            "Peintre à **Yaoundé**. Acrylique et pigments naturels sur toile de jute : les marchés, les visages, la lumière du soir sur Mvog-Mbi."),
        new("Essomba Jean-Paul", "Foumban", "+237699112233",
            "Sculpteur sur bois et bronze à **Foumban**, héritier des ateliers du palais. Ébène, iroko, fonte à la cire perdue."),
        new("Mballa Chantal", "Douala", "+237655443322",
            "Photographe à **Douala**. Portraits, architecture de Bonanjo et scènes du port, tirages fine art numérotés."),
        new("Tchoupo Aristide", "Bafoussam", "+237670998877",
            "Perlage et textile : tissus ndop teints à l'indigo et masques perlés de l'Ouest, faits main à **Bafoussam**."),
    ];

    public static async Task SeedWhenEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        if (await db.Users.AnyAsync(ct)) return;
        var images = scope.ServiceProvider.GetRequiredService<ImagePipeline>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));
        var now = DateTime.UtcNow;
        for (var i = 0; i < Artists.Length; i++)
        {
            var demo = Artists[i];
            using var picture = new MemoryStream(DemoImages.Generate(seed: 100 + i, width: 600, height: 600));
            var photo = await images.ProcessAsync(picture, ImageKind.ProfilePhoto, ct);
            var email = $"{Slugs.From(demo.Name)}@demo.posax.cm";
            db.Users.Add(new Artist
            {
                Id = Guid.CreateVersion7(),
                DisplayName = demo.Name,
                Slug = Slugs.From(demo.Name),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                Bio = demo.Bio,
                WhatsApp = demo.WhatsApp,
                PhotoKey = photo.Image?.Key,
                CreatedAt = now.AddDays(-i),
            });
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo data: {Count} artists added (see /artistes/{Slug})", Artists.Length, Slugs.From(Artists[0].Name));
    }
}
