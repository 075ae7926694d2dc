using Microsoft.EntityFrameworkCore;
using PosaX.Web.Data;
using PosaX.Web.Features.Auth;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Images;

namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// In Development, an empty database gets a few artists so a newcomer sees a living site.
/// Their photos are generated (no copyrighted pictures) and they have no password: demo
/// profiles cannot be signed into. Their addresses are demo addresses (<see cref="DemoSeeding.EmailDomain"/>),
/// so <c>seed-demo</c> replaces them instead of refusing to run.
/// </summary>
public static class DemoData
{
    private sealed record DemoArtist(string Name, string City, string WhatsApp, string Bio);

    private static readonly DemoArtist[] Artists =
    [
        new("Ngono Béatrice", "Yaoundé", "+237677123456",
            "Peintre à **Yaoundé**. Acrylique et pigments naturels sur toile de jute : les marchés, les visages, la lumière du soir sur Mvog-Mbi."),
        new("Essomba Jean-Paul", "Foumban", "+237699112233",
            "Sculpteur sur bois et bronze à **Foumban**, héritier des ateliers du palais. Ébène, iroko, fonte à la cire perdue."),
        new("Mballa Chantal", "Douala", "+237655443322",
            "Photographe à **Douala**. Portraits, architecture de Bonanjo et scènes du port, tirages fine art numérotés."),
        new("Tchoupo Aristide", "Bafoussam", "+237670998877",
            "Perlage et textile : tissus ndop teints à l’indigo et masques perlés de l’Ouest, faits main à **Bafoussam**."),
    ];

    private sealed record DemoWork(int Artist, string Title, string Category, string Medium, double Height, double Width, double? Depth,
        int Year, long Price, string Description, ArtworkStatus Status = ArtworkStatus.Available);

    private static readonly DemoWork[] Works =
    [
        new(0, "Marché Mokolo au soir", "peinture", "Acrylique et pigments naturels sur toile de jute", 80, 100, null, 2024, 350_000,
            "Les étals de Mokolo quand le soleil tombe : tissus, piments, voix. Peint sur le motif à **Yaoundé**, terminé à l’atelier."),
        new(0, "Forêt d’ébène", "peinture", "Acrylique sur toile", 120, 90, null, 2023, 650_000,
            "Une forêt dense du Sud, troncs noirs et verts profonds. Toile tendue sur châssis, prête à accrocher."),
        new(0, "Visages de Mvog-Mbi", "peinture", "Huile sur toile", 60, 60, null, 2025, 180_000,
            "Trois visages du quartier, la lumière du soir sur la peau.", ArtworkStatus.Sold),
        new(1, "Gardien du palais", "sculpture", "Ébène massif", 95, 30, 25, 2022, 850_000,
            "Figure de gardien taillée dans un seul bloc d’ébène, dans la tradition des ateliers du palais de **Foumban**."),
        new(1, "Masque bamoun", "sculpture", "Bronze, fonte à la cire perdue", 45, 25, 15, 2024, 420_000,
            "Masque coulé à la cire perdue, patine brune. Pièce unique.", ArtworkStatus.Reserved),
        new(1, "Vase de Foumban", "ceramique", "Terre cuite enfumée", 35, 22, 22, 2025, 65_000,
            "Vase modelé à la main, cuit au feu de bois puis enfumé."),
        new(2, "Bonanjo, midi", "photographie", "Tirage fine art numéroté 1/10", 40, 60, null, 2024, 120_000,
            "L’architecture coloniale de Bonanjo écrasée par le soleil de midi. Tirage sur papier coton."),
        new(2, "Port de Douala", "photographie", "Tirage fine art numéroté 3/10", 50, 75, null, 2023, 150_000,
            "Grues, conteneurs et pirogues : le port au petit matin."),
        new(2, "Portrait d’Aïcha", "photographie", "Tirage argentique", 60, 40, null, 2025, 95_000,
            "Portrait posé dans la lumière d’une fenêtre à Akwa."),
        new(3, "Ndop indigo", "textile", "Coton tissé, teint à l’indigo", 150, 110, null, 2024, 280_000,
            "Tissu **ndop** de l’Ouest, motifs réservés à la raphia puis teints à l’indigo."),
        new(3, "Masque perlé de l’Ouest", "perlage", "Perles de verre sur bois et tissu", 50, 30, 20, 2023, 390_000,
            "Masque d’éléphant recouvert de perles, fait main à Bafoussam."),
        new(3, "Calebasse perlée", "perlage", "Calebasse, perles de verre", 30, 30, 30, 2025, 25_000,
            "Petite calebasse habillée de perles, motifs géométriques rouges et bleus."),
        new(0, "Étude pour Mvog-Mbi", "dessin", "Fusain sur papier", 42, 30, null, 2025, 45_000,
            "Étude au fusain préparatoire aux *Visages de Mvog-Mbi*."),
    ];

    public static async Task SeedWhenEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PosaXDbContext>();
        if (await db.Users.AnyAsync(ct)) return;
        var images = scope.ServiceProvider.GetRequiredService<ImagePipeline>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoData));
        var now = DateTime.UtcNow;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Artists.Length; i++)
        {
            var demo = Artists[i];
            using var picture = new MemoryStream(DemoImages.Generate(seed: 100 + i, width: 600, height: 600));
            var photo = await images.ProcessAsync(picture, ImageKind.ProfilePhoto, ct);
            var slug = ArtistSlugs.NextFree(demo.Name, slugs);
            var email = $"{slug}@{DemoSeeding.EmailDomain}";
            db.Users.Add(new Artist
            {
                Id = Guid.CreateVersion7(),
                DisplayName = demo.Name,
                Slug = slug,
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
        await AddWorksAsync(db, images, now, ct);
        logger.LogInformation("Demo data: {Count} artists and {Works} works added (see /artistes/{Slug})", Artists.Length, Works.Length, ArtistSlugs.Stem(Artists[0].Name));
    }

    private static async Task AddWorksAsync(PosaXDbContext db, ImagePipeline images, DateTime now, CancellationToken ct)
    {
        var artists = await db.Users.OrderByDescending(u => u.CreatedAt).ToListAsync(ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, ct);
        // Pictures generated and processed in parallel (the pipeline bounds itself to the cores): ~1 s.
        var pictures = await Task.WhenAll(Works.Select((work, i) => Task.Run(async () =>
        {
            var landscape = work.Width >= work.Height;
            var (w, h) = landscape ? (1100, (int)(1100 * work.Height / work.Width)) : ((int)(1100 * work.Width / work.Height), 1100);
            using var picture = new MemoryStream(DemoArt.Generate(DemoArt.StyleFor(work.Category, i), seed: 200 + i, width: w, height: h));
            return await images.ProcessAsync(picture, ImageKind.Artwork, ct);
        }, ct)));
        for (var i = 0; i < Works.Length; i++)
        {
            var work = Works[i];
            var artist = artists.Single(a => a.DisplayName == Artists[work.Artist].Name);
            var category = categories[work.Category];
            var createdAt = now.AddHours(-5 * i);
            var artwork = new Artwork
            {
                ArtistId = artist.Id,
                Title = work.Title,
                Description = work.Description,
                Price = work.Price,
                CategoryId = category.Id,
                Medium = work.Medium,
                HeightCm = work.Height,
                WidthCm = work.Width,
                DepthCm = work.Depth,
                Year = work.Year,
                Status = work.Status,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };
            ArtworkDerivedFields.Apply(artwork, category.Name, artist.DisplayName);
            if (pictures[i].Image is { } stored)
                artwork.Images.Add(new ArtworkImage
                {
                    Key = stored.Key, Position = 0, Width = stored.Width, Height = stored.Height, Widths = string.Join(',', stored.Widths),
                });
            db.Artworks.Add(artwork);
        }
        await db.SaveChangesAsync(ct);
    }
}
