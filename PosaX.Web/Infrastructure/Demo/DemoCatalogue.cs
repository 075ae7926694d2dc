using System.Globalization;
using System.Text;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// Generated French/Cameroonian demo content for <see cref="DemoSeeding"/>: artist names, cities,
/// bios, and works whose title, description, technique, dimensions, price and status vary from one
/// to the next (a few hundred words combined, so searches and listings behave as on a real
/// catalogue rather than on 100,000 copies of one row). Deterministic for a given seed.
/// </summary>
public sealed class DemoCatalogue(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Surnames =
    [
        "Ngono", "Essomba", "Mballa", "Tchoupo", "Fotso", "Kamga", "Nkoulou", "Abega", "Mbarga", "Atangana",
        "Owona", "Ndongo", "Fouda", "Nana", "Tchinda", "Djoumessi", "Kengne", "Njoya", "Manga", "Ekambi",
        "Onana", "Ewane", "Ngando", "Ebode", "Dikongue", "Ndjock", "Toko", "Bebey", "Njike", "Tagne",
        "Wandji", "Youmbi", "Tamo", "Mvondo", "Eyenga", "Bilong", "Zambo", "Ateba", "Messi", "Ondoua",
        "Ngassa", "Feudjio", "Tsafack", "Nguimfack", "Kouam", "Simo", "Talla", "Noubissi", "Pokam", "Djeukam",
        "Hamadou", "Oumarou", "Bello", "Aboubakar", "Moussa", "Ibrahim", "Sali", "Yaya", "Daouda", "Mohamadou",
        "Ekwalla", "Doumbe", "Priso", "Ngalle", "Kotto", "Eboa", "Mbella", "Nkotto", "Etame", "Sende",
        "Ayissi", "Belinga", "Mengue", "Nkodo", "Obama", "Olinga", "Tsimi", "Amougou", "Ze", "Nnanga",
    ];

    private static readonly string[] FirstNames =
    [
        "Béatrice", "Jean-Paul", "Chantal", "Aristide", "Aïcha", "Hamadou", "Fadimatou", "Brice", "Christelle", "Serge",
        "Yannick", "Armelle", "Gaëlle", "Rodrigue", "Landry", "Blaise", "Arlette", "Sandrine", "Stéphane", "Patrice",
        "Marcelle", "Hervé", "Ghislain", "Flore", "Nadège", "Josiane", "Ibrahim", "Salamatou", "Aminatou", "Léonie",
        "Cyrille", "Ulrich", "Thierry", "Bertrand", "Mireille", "Joëlle", "Rosine", "Francis", "Valère", "Émilienne",
        "Fabrice", "Hortense", "Achille", "Clémence", "Dieudonné", "Épiphanie", "Gervais", "Honorine", "Lucrèce", "Martial",
        "Noëlle", "Parfait", "Raïssa", "Sidonie", "Théophile", "Ursule", "Vanessa", "Willy", "Zénabou", "Maïmouna",
        "Alain", "Bienvenu", "Carine", "Désiré", "Estelle", "Franck", "Grâce", "Innocent", "Judith", "Kévin",
    ];

    private static readonly string[] Cities =
    [
        "Yaoundé", "Douala", "Bafoussam", "Foumban", "Garoua", "Maroua", "Bamenda", "Buea", "Kribi", "Limbé",
        "Ngaoundéré", "Bertoua", "Ebolowa", "Dschang", "Kumba", "Edéa", "Nkongsamba", "Mbalmayo", "Bafang", "Bangangté",
    ];

    private static readonly string[] Places =
    [
        "le marché Mokolo", "le port de Douala", "les collines de Yaoundé", "le lac municipal", "la chefferie de Bandjoun",
        "le palais du sultan", "la plage de Kribi", "les chutes de la Lobé", "le mont Cameroun", "la vallée du Noun",
        "le quartier Akwa", "le rond-point Deido", "les rizières de Ndop", "les monts Mandara", "la savane de l’Adamaoua",
        "le fleuve Sanaga", "la forêt du Dja", "le marché central", "la gare de Bessengué", "les plantations de thé de Djuttitsa",
    ];

    private sealed record CategoryPlan(string Slug, int Weight, string[] Media, string[] Subjects, (int Min, int Max) Height,
        (int Min, int Max) Width, (int Min, int Max)? Depth);

    // Titles are "subject" or "subject + qualifier"; subjects fit their category.
    private static readonly CategoryPlan[] Plans =
    [
        new("peinture", 30,
            ["Acrylique sur toile", "Huile sur toile", "Acrylique et pigments naturels sur toile de jute", "Gouache sur papier",
             "Huile sur bois", "Technique mixte sur toile", "Acrylique et sable sur toile", "Huile au couteau sur toile"],
            ["Marché", "Visages", "Femme au pagne", "Pirogues", "Danseuses", "Baobab", "Case obus", "Vendeuse de beignets",
             "Forêt", "Pêcheurs", "Savane", "Chefferie", "Mère et enfant", "Joueur de balafon", "Orage", "Nature morte aux mangues",
             "Rue animée", "Porteuses d’eau", "Soleil rouge", "Village", "Carnaval", "Fleuve", "Masques", "Cortège"],
            (30, 200), (30, 200), null),
        new("sculpture", 15,
            ["Ébène massif", "Bois d’iroko", "Bronze, fonte à la cire perdue", "Bois de fromager", "Pierre savonneuse",
             "Bois de padouk", "Bois de teck patiné", "Fer forgé"],
            ["Gardien", "Masque", "Reine mère", "Tabouret royal", "Buste", "Lion", "Éléphant", "Ancêtre", "Guerrier",
             "Femme assise", "Musicien", "Calao", "Panthère", "Porte sculptée", "Totem", "Tête de chef"],
            (20, 160), (10, 60), (10, 60)),
        new("photographie", 12,
            ["Tirage fine art numéroté", "Tirage argentique", "Tirage sur papier coton", "Tirage sur aluminium",
             "Tirage pigmentaire sur papier baryté"],
            ["Portrait", "Port", "Rue", "Marché", "Pluie", "Lumière", "Pêcheurs", "Façade", "Ciel", "Enfants",
             "Gare", "Atelier", "Coiffeuse", "Taxi jaune", "Mototaxi", "Embarcadère"],
            (30, 120), (30, 150), null),
        new("dessin", 8,
            ["Fusain sur papier", "Encre de Chine sur papier", "Crayon et pastel sur papier", "Sanguine sur papier",
             "Stylo à bille sur papier", "Pierre noire sur papier"],
            ["Étude", "Portrait", "Croquis", "Visage", "Mains", "Silhouettes", "Paysage", "Nu", "Scène de rue", "Autoportrait"],
            (20, 80), (20, 80), null),
        new("textile", 8,
            ["Coton tissé, teint à l’indigo", "Tissu ndop teint à la raphia", "Batik sur coton", "Raphia tressé",
             "Pagne wax cousu", "Toghu brodé main"],
            ["Ndop", "Tenture", "Pagne", "Toghu", "Motifs", "Tapisserie", "Étoffe royale", "Indigo", "Tissage"],
            (60, 250), (60, 200), null),
        new("perlage", 6,
            ["Perles de verre sur bois et tissu", "Calebasse, perles de verre", "Perles et cauris sur toile",
             "Perles de verre sur raphia"],
            ["Masque perlé", "Calebasse perlée", "Trône perlé", "Collier royal", "Chasse-mouches", "Éléphant perlé", "Cauris"],
            (20, 120), (15, 60), (10, 40)),
        new("art-numerique", 5,
            ["Impression giclée sur papier d’art", "Création numérique, tirage sur toile", "Tirage numérique sur dibond"],
            ["Afrofutur", "Circuit", "Rêve", "Fragments", "Pixels", "Cité", "Mémoire", "Signal"],
            (40, 120), (40, 150), null),
        new("gravure", 5,
            ["Linogravure sur papier", "Xylogravure sur papier", "Eau-forte", "Sérigraphie sur papier"],
            ["Oiseaux", "Motifs bamoun", "Pirogue", "Chasseur", "Village", "Arbre", "Marché", "Masques"],
            (20, 70), (20, 70), null),
        new("ceramique", 6,
            ["Terre cuite enfumée", "Grès émaillé", "Terre cuite polie", "Terre cuite et engobe"],
            ["Vase", "Jarre", "Pot à eau", "Bol", "Coupe", "Canari", "Figure", "Plat"],
            (15, 70), (15, 50), (15, 50)),
        new("techniques-mixtes", 5,
            ["Collage et acrylique sur toile", "Bois, métal et tissu", "Matériaux de récupération", "Papier mâché et pigments"],
            ["Assemblage", "Mémoire", "Traces", "Frontières", "Héritage", "Collage", "Ville", "Racines"],
            (30, 180), (30, 180), null),
    ];

    private static readonly int TotalWeight = Plans.Sum(p => p.Weight);

    private static readonly string[] Qualifiers =
    [
        "au soir", "à l’aube", "sous la pluie", "en indigo", "bamiléké", "bamoun", "de Douala", "de Yaoundé", "de Foumban",
        "au marché", "en saison sèche", "en saison des pluies", "au bord du Wouri", "de la Sanaga", "du Nord", "de l’Ouest",
        "du Littoral", "d’hier", "de demain", "en rouge", "en ocre", "en bleu", "en or", "n° 2", "n° 3", "n° 7", "I", "II", "III",
        "silencieux", "en fête", "au repos", "en mouvement", "sous le manguier", "de minuit", "du dimanche", "des ancêtres",
        "à la lanterne", "en noir et blanc", "d’Akwa", "de Mvog-Mbi", "de Bonanjo", "de Kribi", "de Limbé", "du marché Central",
    ];

    private static readonly string[] Openings =
    [
        "Réalisée à **{city}**, cette œuvre s’inspire de {place}.",
        "Une pièce née d’une promenade vers {place}, reprise à l’atelier de {city}.",
        "Travaillée pendant plusieurs semaines à {city}, elle évoque {place}.",
        "Dans cette œuvre, l’artiste revient sur {place}, qu’il ou elle observe depuis l’enfance.",
        "Pièce unique, pensée et réalisée à **{city}**.",
        "Souvenir de {place} : les couleurs, les voix, le mouvement.",
    ];

    private static readonly string[] Middles =
    [
        "Les ocres et les rouges de la terre répondent au bleu profond de l’indigo.",
        "La lumière du soir glisse sur les formes et adoucit les contours.",
        "Les motifs rappellent les tissus ndop et les symboles des chefferies de l’Ouest.",
        "Le geste est rapide, presque dansé ; la matière reste visible.",
        "Les visages sont à peine esquissés, laissant place au rythme de la scène.",
        "La composition joue sur le contraste entre la foule et le silence d’un détail.",
        "Le bois a été choisi pour son veinage, que le travail de l’outil met en valeur.",
        "Les teintes viennent de pigments naturels préparés à l’atelier.",
        "On y retrouve l’énergie des marchés et la patience des artisans.",
        "Un hommage aux femmes qui font vivre les marchés du pays.",
        "La pluie, le vent et la chaleur sont présents dans chaque couche.",
        "Le cadrage serré donne toute sa place au regard.",
    ];

    private static readonly string[] Closings =
    [
        "Signée et datée par l’artiste, livrée avec un certificat d’authenticité.",
        "Prête à accrocher ; emballage soigné pour le transport.",
        "Livraison possible à Douala et Yaoundé, envoi à l’étranger sur demande.",
        "L’artiste répond volontiers à vos questions sur WhatsApp.",
        "Encadrement possible sur demande.",
        "Pièce unique, non reproduite.",
    ];

    private static readonly string[] BioTemplates =
    [
        "{discipline} à **{city}**. {extra}",
        "Né(e) à {born}, installé(e) à **{city}** depuis plusieurs années. {extra}",
        "Artiste autodidacte de **{city}**, {discipline_lower} avant tout. {extra}",
        "Formé(e) à l’Institut de formation artistique de Mbalmayo, {discipline_lower} à {city}. {extra}",
    ];

    private static readonly string[] BioExtras =
    [
        "Expose régulièrement à Douala et à Yaoundé.",
        "Travaille les matières locales : bois, pigments, raphia.",
        "Ses œuvres racontent la vie des quartiers et des marchés.",
        "Anime des ateliers pour les enfants du quartier.",
        "Inspiré(e) par les traditions des Grassfields et la ville d’aujourd’hui.",
        "Participe aux biennales et salons d’art contemporain de la sous-région.",
        "",
    ];

    private static readonly Dictionary<string, string> Disciplines = new()
    {
        ["peinture"] = "Peintre", ["sculpture"] = "Sculpteur", ["photographie"] = "Photographe", ["dessin"] = "Dessinateur",
        ["textile"] = "Artiste textile", ["perlage"] = "Artiste perlier", ["art-numerique"] = "Artiste numérique",
        ["gravure"] = "Graveur", ["ceramique"] = "Céramiste", ["techniques-mixtes"] = "Plasticien",
    };

    /// <summary>What a generated artist looks like before it becomes an <see cref="Artist"/>.</summary>
    public sealed record ArtistSketch(string DisplayName, string City, string Bio, string WhatsApp, string MainCategory);

    /// <summary>What a generated work looks like before it becomes an <see cref="Artwork"/>.</summary>
    public sealed record WorkSketch(string Title, string Description, string CategorySlug, string Medium,
        double HeightCm, double WidthCm, double? DepthCm, int Year, long Price, ArtworkStatus Status, int ImageCount);

    public ArtistSketch NextArtist()
    {
        var surname = Pick(Surnames);
        var first = Pick(FirstNames);
        var name = _random.Next(3) == 0 ? $"{first} {surname}" : $"{surname} {first}";
        var city = Pick(Cities);
        var main = PickPlan().Slug;
        var discipline = Disciplines[main];
        var bio = Pick(BioTemplates)
            .Replace("{discipline_lower}", discipline.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{discipline}", discipline, StringComparison.Ordinal)
            .Replace("{city}", city, StringComparison.Ordinal)
            .Replace("{born}", Pick(Cities), StringComparison.Ordinal)
            .Replace("{extra}", Pick(BioExtras), StringComparison.Ordinal)
            .Trim();
        // Cameroonian mobile numbers: +237 6, then 5–9 (the carriers' ranges), then 7 digits.
        var whatsApp = string.Create(CultureInfo.InvariantCulture, $"+2376{_random.Next(5, 10)}{_random.Next(0, 10_000_000):D7}");
        return new ArtistSketch(name, city, bio, whatsApp, main);
    }

    public WorkSketch NextWork(string artistCity, string artistMainCategory)
    {
        // Artists mostly work in their own discipline.
        var plan = _random.Next(10) < 7 ? Plans.Single(p => p.Slug == artistMainCategory) : PickPlan();
        var title = Title(plan);
        var medium = Pick(plan.Media);
        if (medium.StartsWith("Tirage fine art", StringComparison.Ordinal) || medium == "Eau-forte")
            medium += string.Create(CultureInfo.InvariantCulture, $", {_random.Next(1, 11)}/{(plan.Slug == "gravure" ? 20 : 10)}");

        var description = new StringBuilder();
        description.Append(Pick(Openings).Replace("{city}", _random.Next(4) == 0 ? Pick(Cities) : artistCity, StringComparison.Ordinal)
            .Replace("{place}", Pick(Places), StringComparison.Ordinal));
        var middles = _random.Next(1, 4);
        for (var i = 0; i < middles; i++) description.Append(' ').Append(Pick(Middles));
        description.Append("\n\n").Append(Pick(Closings));

        var height = (double)_random.Next(plan.Height.Min, plan.Height.Max + 1);
        var width = (double)_random.Next(plan.Width.Min, plan.Width.Max + 1);
        // A fair share of square works, so the "carré" filter finds some.
        if (plan.Depth is null && _random.Next(8) == 0) width = height;
        double? depth = plan.Depth is { } d ? _random.Next(d.Min, d.Max + 1) : null;

        var status = _random.Next(100) switch { < 85 => ArtworkStatus.Available, < 93 => ArtworkStatus.Reserved, _ => ArtworkStatus.Sold };
        var images = _random.Next(100) switch { < 60 => 1, < 85 => 2, _ => 3 };
        return new WorkSketch(title, description.ToString(), plan.Slug, medium, height, width, depth,
            _random.Next(1995, 2027), Price(), status, images);
    }

    /// <summary>Log-uniform from 10,000 to 5,000,000 FCFA (many affordable works, a few expensive ones), rounded to 5,000.</summary>
    private long Price()
    {
        const double min = 10_000, max = 5_000_000;
        var raw = Math.Exp(Math.Log(min) + _random.NextDouble() * (Math.Log(max) - Math.Log(min)));
        return Math.Clamp((long)Math.Round(raw / 5_000) * 5_000, (long)min, (long)max);
    }

    private string Title(CategoryPlan plan)
    {
        var subject = Pick(plan.Subjects);
        return _random.Next(5) switch
        {
            0 => subject,
            1 => $"{subject} {Pick(Qualifiers)}",
            2 => $"{subject} {Pick(Qualifiers)}",
            3 => $"{subject} et {OtherThan(plan.Subjects, subject).ToLowerInvariant()}",
            _ => $"{subject}, {Pick(Places)}",
        };
    }

    private CategoryPlan PickPlan()
    {
        var roll = _random.Next(TotalWeight);
        foreach (var plan in Plans)
        {
            if (roll < plan.Weight) return plan;
            roll -= plan.Weight;
        }
        return Plans[0];
    }

    /// <summary>A skewed pick in [0, count): a few prolific artists, many with a handful of works.</summary>
    public int SkewedIndex(int count) => Math.Min(count - 1, (int)(count * Math.Pow(_random.NextDouble(), 1.6)));

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public double NextDouble() => _random.NextDouble();

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string OtherThan(string[] items, string taken)
    {
        string other;
        do other = Pick(items); while (other == taken);
        return other;
    }
}
