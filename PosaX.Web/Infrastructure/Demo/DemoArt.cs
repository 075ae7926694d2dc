using System.Runtime.CompilerServices;
using NetVips;
using PosaX.Web.Infrastructure.Images;
using VipsImage = NetVips.Image;

namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// Demo works that look like art, drawn pixel by pixel from a seed (nothing downloaded, nothing
/// copyrighted): compositions in the spirit of ndop (indigo and white resist-dye motifs), bogolan
/// (mud-cloth earths with dots, zigzags and crosses), kente (woven strips of colour blocks), landscape
/// silhouettes (sky, sun, hills, baobabs and palms) and abstract brushwork. Each picture gets a fine
/// grain and a soft vignette, as a photograph of a real piece would. Deterministic per seed and size;
/// the style follows the seed (seed mod 5), so consecutive seeds give five different kinds. The pixel
/// loops are compiled fully optimised at once (AggressiveOptimization): seed-demo makes its pictures
/// right after start-up, when tiered compilation would still run them unoptimised.
/// </summary>
public static class DemoArt
{
    public enum Style { Ndop, Bogolan, Kente, Landscape, Brushwork }

    public static Style StyleOf(int seed) => (Style)(int)((uint)seed % 5);

    /// <summary>What a demo work of a category looks like (a sculpture has no better stand-in than a cloth).</summary>
    public static Style StyleFor(string categorySlug, int seed) => categorySlug switch
    {
        "textile" => Style.Ndop,
        "perlage" => Style.Kente,
        "sculpture" or "ceramique" => Style.Bogolan,
        "photographie" => Style.Landscape,
        "peinture" => seed % 2 == 0 ? Style.Landscape : Style.Brushwork,
        _ => Style.Brushwork,
    };

    /// <summary>A JPEG (quality 88) of <paramref name="width"/>×<paramref name="height"/>, its style chosen by the seed.</summary>
    public static byte[] Generate(int seed, int width, int height) => Generate(StyleOf(seed), seed, width, height);

    public static byte[] Generate(Style style, int seed, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)width * height, 40_000_000L, nameof(width));
        VipsSetup.EnsureConfigured();

        var canvas = new Canvas(width, height, seed);
        var random = new Random(seed);
        switch (style)
        {
            case Style.Ndop: Ndop(canvas, random); break;
            case Style.Bogolan: Bogolan(canvas, random); break;
            case Style.Kente: Kente(canvas, random); break;
            case Style.Landscape: Landscape(canvas, random); break;
            default: Brushwork(canvas, random); break;
        }
        canvas.Finish(random);
        using var image = VipsImage.NewFromMemory(canvas.Pixels, width, height, 3, Enums.BandFormat.Uchar);
        using var srgb = image.Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 88, optimizeCoding: true, keep: Enums.ForeignKeep.None);
    }

    // ---- ndop: a grid of cells, each a white motif resisted out of indigo ---------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Ndop(Canvas c, Random random)
    {
        var indigo = new Rgb(22 + random.Next(10), 34 + random.Next(14), 82 + random.Next(30));
        var pale = new Rgb(226, 230, 236);
        var columns = random.Next(3, 6);
        var cell = (double)c.Width / columns;
        var rows = (int)Math.Ceiling(c.Height / cell);
        var top = (c.Height - rows * cell) / 2;
        var motifs = Enumerable.Range(0, rows * columns).Select(_ => random.Next(6)).ToArray();
        var line = cell * (0.03 + random.NextDouble() * 0.02);
        var wobble = new Field(random.Next(), cell / 3);
        var dye = new Field(random.Next(), Math.Max(c.Width, c.Height) / 5.0);
        var bleed = new Field(random.Next(), cell / 9);
        for (var y = 0; y < c.Height; y++)
        for (var x = 0; x < c.Width; x++)
        {
            // Hand-tied resist: the lines wander a little.
            var px = x + (wobble.At(x, y) - 0.5) * cell * 0.06;
            var py = y - top + (wobble.At(y + 911, x) - 0.5) * cell * 0.06;
            var col = Math.Clamp((int)(px / cell), 0, columns - 1);
            var row = Math.Clamp((int)Math.Floor(py / cell), 0, rows - 1);
            var lx = px - col * cell;
            var ly = py - row * cell;
            var white = lx < line || ly < line || cell - lx < line || cell - ly < line;
            if (!white)
            {
                var dx = (lx / cell - 0.5) * 2;
                var dy = (ly / cell - 0.5) * 2;
                white = Motif(motifs[row * columns + col], dx, dy);
            }
            var shade = 0.75 + dye.At(x, y) * 0.45;
            var colour = white
                ? Rgb.Mix(pale, indigo, 0.08 + bleed.At(x, y) * 0.22)
                : indigo * shade;
            c.Set(x, y, colour);
        }
    }

    /// <summary>A white shape of a cell, in coordinates from -1 to 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Motif(int kind, double dx, double dy)
    {
        var r = Math.Sqrt(dx * dx + dy * dy);
        switch (kind)
        {
            case 0: // concentric diamonds
                var d = Math.Abs(dx) + Math.Abs(dy);
                return d < 0.95 && Frac(d * 3.5) < 0.32;
            case 1: // a ring of dots round a dot
                if (r < 0.16) return true;
                var angle = Math.Atan2(dy, dx);
                var nearest = Math.Round(angle / (Math.PI / 4)) * (Math.PI / 4);
                var ex = dx - 0.62 * Math.Cos(nearest);
                var ey = dy - 0.62 * Math.Sin(nearest);
                return ex * ex + ey * ey < 0.018;
            case 2: // a cross with diagonals
                return (Math.Abs(dx) < 0.09 || Math.Abs(dy) < 0.09 || Math.Abs(Math.Abs(dx) - Math.Abs(dy)) < 0.07) && r < 0.9;
            case 3: // a checker of small squares
                return Math.Abs(dx) < 0.8 && Math.Abs(dy) < 0.8 && (((int)((dx + 1) * 3) + (int)((dy + 1) * 3)) & 1) == 0;
            case 4: // concentric circles
                return r < 0.92 && Frac(r * 3.2) < 0.3;
            default: // zigzag rows
                var zig = dy - 0.18 * Triangle(dx * 2.5);
                return Math.Abs(dx) < 0.9 && Math.Abs(dy) < 0.9 && Frac(zig * 2.8) < 0.28;
        }
    }

    // ---- bogolan: bands of hand-painted motifs on mud-dyed cloth ------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Bogolan(Canvas c, Random random)
    {
        var darkGround = random.Next(3) > 0;
        var ground = darkGround ? new Rgb(52 + random.Next(16), 34 + random.Next(10), 22) : new Rgb(176, 112, 52);
        var paint = darkGround ? new Rgb(228, 212, 176) : new Rgb(40, 26, 18);
        var ochre = new Rgb(184, 120, 58);
        // Bands from top to bottom, each its own motif, separated by double lines.
        var bands = new List<(double Top, double Bottom, int Kind)>();
        var scale = Math.Min(c.Width, c.Height);
        for (double y = 0; y < c.Height;)
        {
            var h = scale * (0.1 + random.NextDouble() * 0.14);
            bands.Add((y, y + h, random.Next(6)));
            y += h;
        }
        var unit = scale / (random.Next(10, 16));
        var wobble = new Field(random.Next(), unit * 1.5);
        var mud = new Field(random.Next(), scale / 4.0);
        var band = 0;
        for (var y = 0; y < c.Height; y++)
        {
            while (y >= bands[band].Bottom && band < bands.Count - 1) band++;
            var (bandTop, bandBottom, kind) = bands[band];
            var height = bandBottom - bandTop;
            for (var x = 0; x < c.Width; x++)
            {
                var wx = x + (wobble.At(x, y) - 0.5) * unit * 0.35;
                var wy = y + (wobble.At(y + 577, x) - 0.5) * unit * 0.35;
                var by = (wy - bandTop) / height; // 0..1 across the band
                var edge = Math.Min(wy - bandTop, bandBottom - wy);
                var painted = edge is > 0 and < 4 || (edge > unit * 0.22 && edge < unit * 0.22 + 4);
                var filled = false;
                if (!painted && edge > unit * 0.5)
                {
                    var u = wx / unit;
                    switch (kind)
                    {
                        case 0: // rows of dots
                            var cx = Frac(u) - 0.5;
                            var cy = Frac(by * height / unit) - 0.5;
                            painted = cx * cx + cy * cy < 0.05;
                            break;
                        case 1: // a zigzag
                            painted = Math.Abs((by - 0.5) * height / unit - 0.9 * Triangle(u * 0.5)) < 0.14;
                            break;
                        case 2: // crosses
                            var gx = Frac(u * 0.5) - 0.5;
                            var gy = Frac(by * height / unit * 0.5) - 0.5;
                            painted = (Math.Abs(gx) < 0.06 && Math.Abs(gy) < 0.3) || (Math.Abs(gy) < 0.06 && Math.Abs(gx) < 0.3);
                            break;
                        case 3: // diagonal hatching in lozenges
                            var lozenge = Math.Abs(Frac(u * 0.25) - 0.5) * 2 + Math.Abs(by - 0.5) * 2;
                            painted = lozenge < 1 && Frac((wx + wy) / (unit * 0.45)) < 0.3;
                            break;
                        case 4: // circles with a dot
                            var ox = (Frac(u * 0.5) - 0.5) * 2;
                            var oy = (by - 0.5) * height / unit;
                            var r = Math.Sqrt(ox * ox + oy * oy);
                            painted = Math.Abs(r - 0.7) < 0.12 || r < 0.18;
                            break;
                        default: // ochre squares with a dark dot
                            var sx = Frac(u * 0.5);
                            filled = sx is > 0.15 and < 0.85 && by is > 0.2 and < 0.8;
                            painted = filled && Math.Abs(sx - 0.5) < 0.08 && Math.Abs(by - 0.5) < 0.08;
                            break;
                    }
                }
                var earth = 0.8 + mud.At(x, y) * 0.35;
                var colour = painted ? paint * (0.9 + mud.At(y, x) * 0.15) : filled ? ochre * earth : ground * earth;
                c.Set(x, y, colour);
            }
        }
    }

    // ---- kente: strips sewn side by side, each a sequence of woven blocks ---------------------------

    private static readonly Rgb[] KenteColours =
    [
        new(226, 170, 36), new(22, 112, 58), new(176, 32, 34), new(28, 24, 22), new(30, 62, 140), new(222, 108, 30),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kente(Canvas c, Random random)
    {
        var strips = random.Next(5, 9);
        var stripWidth = (double)c.Width / strips;
        var thread = Math.Max(3, (int)(stripWidth / 16));
        // Each strip: blocks of a pattern and colours, from top to bottom.
        var layout = new List<(int Bottom, int Kind, Rgb A, Rgb B, Rgb C)>[strips];
        for (var s = 0; s < strips; s++)
        {
            layout[s] = [];
            var y = -random.Next((int)stripWidth);
            while (y < c.Height)
            {
                var h = (int)(stripWidth * (0.5 + random.NextDouble() * 1.3));
                y += h;
                layout[s].Add((y, random.Next(4), Pick(random), Pick(random), Pick(random)));
            }
        }
        var fade = new Field(random.Next(), c.Width / 3.0);
        for (var y = 0; y < c.Height; y++)
        for (var x = 0; x < c.Width; x++)
        {
            var s = Math.Min(strips - 1, (int)(x / stripWidth));
            var lx = x - s * stripWidth;
            var blocks = layout[s];
            var b = 0;
            while (blocks[b].Bottom <= y && b < blocks.Count - 1) b++;
            var (bottom, kind, a, bColour, cColour) = blocks[b];
            var ly = b == 0 ? y + stripWidth * 4 : y - blocks[b - 1].Bottom;
            var tx = (int)(lx / thread);
            var ty = (int)(ly / thread);
            var colour = kind switch
            {
                0 => (ty % 6) switch { < 3 => a, < 5 => bColour, _ => cColour }, // weft stripes
                1 => lx < stripWidth * 0.18 || lx > stripWidth * 0.82 ? bColour : a, // a block with borders
                2 => ((tx / 3 + ty / 3) & 1) == 0 ? a : bColour, // checks
                _ => (tx % 4) switch { 0 => cColour, 1 or 2 => a, _ => bColour }, // warp stripes
            };
            // The weave: over-under threads catch the light differently; a dark seam between strips.
            var weave = ((tx + ty) & 1) == 0 ? 1.0 : 0.93;
            var within = (lx % thread) / thread;
            weave *= 0.95 + 0.05 * Math.Sin(within * Math.PI);
            if (lx < 1.5 || stripWidth - lx < 1.5) weave *= 0.45;
            c.Set(x, y, colour * (weave * (0.88 + fade.At(x, y) * 0.2)));
        }

        static Rgb Pick(Random random) => KenteColours[random.Next(KenteColours.Length)];
    }

    // ---- a landscape: sky, sun, hills and tree silhouettes ------------------------------------------

    private static readonly (Rgb Top, Rgb Horizon, Rgb Sun)[] Skies =
    [
        (new(58, 38, 92), new(244, 138, 64), new(255, 226, 150)),   // sunset
        (new(40, 82, 150), new(238, 196, 150), new(255, 244, 214)), // morning
        (new(24, 22, 52), new(186, 70, 66), new(250, 190, 120)),    // dusk
        (new(92, 150, 196), new(246, 224, 170), new(255, 250, 230)), // harmattan haze
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Landscape(Canvas c, Random random)
    {
        var (top, horizon, sunColour) = Skies[random.Next(Skies.Length)];
        var horizonY = c.Height * (0.55 + random.NextDouble() * 0.12);
        var sunX = c.Width * (0.2 + random.NextDouble() * 0.6);
        var sunY = horizonY - c.Height * (0.1 + random.NextDouble() * 0.2);
        var sunR = Math.Min(c.Width, c.Height) * (0.06 + random.NextDouble() * 0.06);
        var clouds = new Field(random.Next(), c.Width / 6.0);
        // Sky and sun.
        for (var y = 0; y < c.Height; y++)
        {
            var t = Math.Clamp(y / horizonY, 0, 1);
            var sky = Rgb.Mix(top, horizon, Math.Pow(t, 1.6));
            for (var x = 0; x < c.Width; x++)
            {
                var d = Math.Sqrt((x - sunX) * (x - sunX) + (y - sunY) * (y - sunY));
                var glow = Math.Exp(-d / (sunR * 3)) * 0.55;
                var colour = d < sunR ? sunColour : Rgb.Mix(sky, sunColour, glow);
                var streak = clouds.At(x * 0.35, y * 2.2);
                if (streak > 0.62 && y < horizonY) colour = Rgb.Mix(colour, horizon * 1.05, (streak - 0.62) * 1.6);
                c.Set(x, y, colour);
            }
        }
        // Hills, far to near: paler and bluer far away, darker near.
        var ground = new Rgb(34, 22, 20);
        var layers = random.Next(3, 5);
        var ridges = new double[layers][];
        for (var l = 0; l < layers; l++)
        {
            var k = (l + 1.0) / layers;
            var baseY = horizonY + (c.Height - horizonY) * (l / (double)layers) * 0.8 - c.Height * 0.04;
            var amplitude = c.Height * (0.03 + random.NextDouble() * 0.05);
            var (f1, f2, p1, p2) = (1 + random.NextDouble() * 2, 3 + random.NextDouble() * 4, random.NextDouble() * 6, random.NextDouble() * 6);
            var ridge = ridges[l] = new double[c.Width];
            var colour = Rgb.Mix(horizon * 0.8, ground, 0.35 + 0.65 * k);
            for (var x = 0; x < c.Width; x++)
            {
                var u = x / (double)c.Width * Math.PI * 2;
                ridge[x] = baseY - amplitude * (Math.Sin(u * f1 + p1) * 0.7 + Math.Sin(u * f2 + p2) * 0.3);
                for (var y = Math.Max(0, (int)ridge[x]); y < c.Height; y++)
                    c.Set(x, y, colour * (1 - 0.15 * (y - ridge[x]) / c.Height));
            }
        }
        // Trees on the nearest ridge.
        var near = ridges[^1];
        var silhouette = new Rgb(18, 12, 14);
        var trees = random.Next(1, 4);
        var scale = Math.Min(c.Width, c.Height);
        for (var i = 0; i < trees; i++)
        {
            var x = (int)(c.Width * (0.12 + (i + random.NextDouble() * 0.8) / trees * 0.76));
            var foot = near[Math.Clamp(x, 0, c.Width - 1)] + scale * 0.02;
            var height = scale * (0.22 + random.NextDouble() * 0.18);
            if (random.Next(3) == 0) Palm(c, random, x, foot, height * 1.2, silhouette);
            else Baobab(c, random, x, foot, height, silhouette);
        }
        // A few birds.
        for (var i = random.Next(0, 5); i > 0; i--)
        {
            var bx = c.Width * random.NextDouble();
            var by = horizonY * (0.15 + random.NextDouble() * 0.5);
            var span = scale * (0.012 + random.NextDouble() * 0.01);
            c.Stroke(bx - span, by - span * 0.4, bx, by, span * 0.12, silhouette);
            c.Stroke(bx, by, bx + span, by - span * 0.4, span * 0.12, silhouette);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Baobab(Canvas c, Random random, double x, double foot, double height, Rgb colour)
    {
        var trunk = height * (0.16 + random.NextDouble() * 0.06);
        var crownY = foot - height * 0.62;
        // The swollen trunk: wider at the foot, narrowing to the crown.
        for (var y = (int)crownY; y < foot; y++)
        {
            var t = (y - crownY) / (foot - crownY);
            var half = trunk * (0.36 + 0.16 * t + 0.12 * Math.Sin(t * Math.PI));
            c.FillRow(y, x - half, x + half, colour);
        }
        // Stubby branches that fork once or twice, like roots in the sky.
        var branches = random.Next(5, 9);
        for (var b = 0; b < branches; b++)
        {
            var angle = -Math.PI / 2 + (b - (branches - 1) / 2.0) * (1.9 / branches) + (random.NextDouble() - 0.5) * 0.2;
            Branch(c, random, x, crownY + trunk * 0.2, angle, height * (0.22 + random.NextDouble() * 0.12), trunk * 0.16, 2, colour);
        }
    }

    private static void Branch(Canvas c, Random random, double x, double y, double angle, double length, double width, int depth, Rgb colour)
    {
        var ex = x + Math.Cos(angle) * length;
        var ey = y + Math.Sin(angle) * length;
        c.Stroke(x, y, ex, ey, width, colour);
        if (depth == 0) return;
        for (var i = 0; i < 2; i++)
            Branch(c, random, ex, ey, angle + (i == 0 ? -1 : 1) * (0.35 + random.NextDouble() * 0.3), length * 0.55, width * 0.6, depth - 1, colour);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Palm(Canvas c, Random random, double x, double foot, double height, Rgb colour)
    {
        var lean = (random.NextDouble() - 0.5) * height * 0.5;
        var width = height * 0.035;
        double px = x, py = foot;
        const int Steps = 40;
        for (var i = 1; i <= Steps; i++)
        {
            var t = i / (double)Steps;
            var nx = x + lean * t * t;
            var ny = foot - height * t;
            c.Stroke(px, py, nx, ny, width * (1.2 - 0.5 * t), colour);
            (px, py) = (nx, ny);
        }
        // Fronds: arcs falling from the crown.
        var fronds = random.Next(6, 10);
        for (var f = 0; f < fronds; f++)
        {
            var angle = Math.PI * 2 * f / fronds + random.NextDouble() * 0.3;
            var length = height * (0.28 + random.NextDouble() * 0.1);
            double fx = px, fy = py;
            for (var i = 1; i <= 16; i++)
            {
                var t = i / 16.0;
                var nx = px + Math.Cos(angle) * length * t;
                var ny = py + Math.Sin(angle) * length * t * 0.5 + length * 0.45 * t * t;
                c.Stroke(fx, fy, nx, ny, width * 0.9 * (1 - t) + 1.5, colour);
                (fx, fy) = (nx, ny);
            }
        }
    }

    // ---- abstract brushwork: strokes of loaded brushes on a primed canvas ---------------------------

    private static readonly Rgb[][] BrushPalettes =
    [
        [new(140, 47, 27), new(217, 123, 41), new(242, 193, 78), new(43, 27, 23), new(61, 124, 152)],
        [new(11, 29, 81), new(31, 78, 156), new(60, 160, 200), new(232, 185, 58), new(245, 240, 225)],
        [new(26, 60, 31), new(46, 125, 50), new(249, 168, 37), new(198, 40, 40), new(33, 33, 33)],
        [new(62, 31, 71), new(123, 45, 107), new(224, 90, 71), new(244, 162, 89), new(255, 229, 180)],
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Brushwork(Canvas c, Random random)
    {
        var palette = BrushPalettes[random.Next(BrushPalettes.Length)];
        var ground = random.Next(2) == 0 ? new Rgb(236, 228, 212) : palette[0] * 0.6;
        var tone = new Field(random.Next(), Math.Max(c.Width, c.Height) / 3.0);
        for (var y = 0; y < c.Height; y++)
        for (var x = 0; x < c.Width; x++)
            c.Set(x, y, ground * (0.92 + tone.At(x, y) * 0.12));

        var scale = Math.Min(c.Width, c.Height);
        var strokes = random.Next(16, 28);
        // One main direction, as a painter's gesture has; large strokes first, small ones on top.
        var gesture = random.NextDouble() * Math.PI;
        for (var s = 0; s < strokes; s++)
        {
            var size = 1.0 - s / (double)strokes * 0.6;
            var colour = palette[random.Next(palette.Length)] * (0.9 + random.NextDouble() * 0.2);
            var width = scale * (0.07 + random.NextDouble() * 0.12) * size;
            var length = scale * (0.45 + random.NextDouble() * 0.6) * size;
            var angle = gesture + (random.NextDouble() - 0.5) * 1.2 + (random.Next(2) == 0 ? 0 : Math.PI);
            // Start so the stroke's middle falls on the canvas.
            var (mx, my) = (random.NextDouble() * c.Width, random.NextDouble() * c.Height);
            var (x0, y0) = (mx - Math.Cos(angle) * length / 2, my - Math.Sin(angle) * length / 2);
            var bend = (random.NextDouble() - 0.5) * 1.2;
            var bristles = new double[96];
            for (var i = 0; i < bristles.Length; i++) bristles[i] = 0.55 + random.NextDouble() * 0.45;
            var steps = (int)(length * 1.5);
            for (var i = 0; i < steps; i++)
            {
                var t = i / (double)steps;
                var a = angle + bend * t;
                var cx = x0 + Math.Cos(angle) * length * t + Math.Cos(angle + Math.PI / 2) * bend * length * 0.25 * t * t;
                var cy = y0 + Math.Sin(angle) * length * t + Math.Sin(angle + Math.PI / 2) * bend * length * 0.25 * t * t;
                var (nx, ny) = (-Math.Sin(a), Math.Cos(a));
                // The brush runs dry towards the end: fewer bristles leave paint.
                var load = 1 - Math.Pow(t, 3) * 0.8;
                for (var o = -width / 2; o <= width / 2; o += 0.7)
                {
                    var bristle = bristles[(int)((o / width + 0.5) * (bristles.Length - 1))];
                    if (bristle > load + 0.3) continue;
                    c.Blend((int)(cx + nx * o), (int)(cy + ny * o), colour * bristle, 0.85);
                }
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static double Frac(double v) => v - Math.Floor(v);

    /// <summary>A triangle wave from -1 to 1, period 1.</summary>
    private static double Triangle(double v) => Math.Abs(Frac(v) * 4 - 2) - 1;

    private readonly record struct Rgb(double R, double G, double B)
    {
        public static Rgb operator *(Rgb c, double k) => new(c.R * k, c.G * k, c.B * k);
        public static Rgb Mix(Rgb a, Rgb b, double t) => new(a.R + (b.R - a.R) * t, a.G + (b.G - a.G) * t, a.B + (b.B - a.B) * t);
    }

    /// <summary>Smooth value noise in [0, 1] with features about <c>scale</c> pixels apart.</summary>
    private sealed class Field(int seed, double scale)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double At(double x, double y)
        {
            x /= scale;
            y /= scale;
            var ix = (int)Math.Floor(x);
            var iy = (int)Math.Floor(y);
            var fx = x - ix;
            var fy = y - iy;
            fx = fx * fx * (3 - 2 * fx);
            fy = fy * fy * (3 - 2 * fy);
            var h00 = Hash(ix, iy);
            var h01 = Hash(ix, iy + 1);
            var a = h00 + (Hash(ix + 1, iy) - h00) * fx;
            var b = h01 + (Hash(ix + 1, iy + 1) - h01) * fx;
            return a + (b - a) * fy;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double Hash(int x, int y)
        {
            var h = (uint)(x * 374761393 + y * 668265263 + seed * 1274126177);
            h = (h ^ (h >> 13)) * 1274126177;
            return ((h ^ (h >> 16)) & 0xFFFFFF) / (double)0xFFFFFF;
        }
    }

    private sealed class Canvas(int width, int height, int seed)
    {
        public int Width { get; } = width;
        public int Height { get; } = height;
        public byte[] Pixels { get; } = new byte[width * height * 3];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Set(int x, int y, Rgb c)
        {
            var i = (y * Width + x) * 3;
            Pixels[i] = ToByte(c.R);
            Pixels[i + 1] = ToByte(c.G);
            Pixels[i + 2] = ToByte(c.B);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Blend(int x, int y, Rgb c, double alpha)
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return;
            var i = (y * Width + x) * 3;
            Pixels[i] = ToByte(Pixels[i] + (c.R - Pixels[i]) * alpha);
            Pixels[i + 1] = ToByte(Pixels[i + 1] + (c.G - Pixels[i + 1]) * alpha);
            Pixels[i + 2] = ToByte(Pixels[i + 2] + (c.B - Pixels[i + 2]) * alpha);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void FillRow(int y, double from, double to, Rgb c)
        {
            if ((uint)y >= (uint)Height) return;
            for (var x = Math.Max(0, (int)from); x <= Math.Min(Width - 1, (int)to); x++) Set(x, y, c);
        }

        /// <summary>A thick straight segment with round ends.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Stroke(double x0, double y0, double x1, double y1, double width, Rgb c)
        {
            var r = Math.Max(0.8, width / 2);
            var (minX, maxX) = ((int)(Math.Min(x0, x1) - r), (int)(Math.Max(x0, x1) + r + 1));
            var (minY, maxY) = ((int)(Math.Min(y0, y1) - r), (int)(Math.Max(y0, y1) + r + 1));
            var (dx, dy) = (x1 - x0, y1 - y0);
            var length2 = Math.Max(1e-9, dx * dx + dy * dy);
            for (var y = Math.Max(0, minY); y <= Math.Min(Height - 1, maxY); y++)
            for (var x = Math.Max(0, minX); x <= Math.Min(Width - 1, maxX); x++)
            {
                var t = Math.Clamp(((x - x0) * dx + (y - y0) * dy) / length2, 0, 1);
                var (ex, ey) = (x - x0 - dx * t, y - y0 - dy * t);
                if (ex * ex + ey * ey <= r * r) Set(x, y, c);
            }
        }

        /// <summary>Grain and a soft vignette: a photograph of a piece, not a flat render.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Finish(Random random)
        {
            var (cx, cy) = (Width / 2.0, Height / 2.0);
            var reach = cx * cx + cy * cy;
            var strength = 0.10 + random.NextDouble() * 0.06;
            uint state = (uint)seed * 2654435761u + 1;
            for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                var grain = ((int)(state & 15) - 7.5) * 0.45;
                var d = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / reach;
                var light = 1 - strength * d * d;
                var i = (y * Width + x) * 3;
                for (var k = 0; k < 3; k++) Pixels[i + k] = ToByte(Pixels[i + k] * light + grain);
            }
        }

        private static byte ToByte(double v) => (byte)Math.Clamp((int)(v + 0.5), 0, 255);
    }
}
