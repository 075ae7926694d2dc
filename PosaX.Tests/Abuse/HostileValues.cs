using System.Text;

namespace PosaX.Tests.Abuse;

/// <summary>A value to type into a field: text, or raw bytes that are not UTF-8 at all.</summary>
public sealed record Hostile(string Label, byte[] Bytes)
{
    public static Hostile Text(string label, string value) => new(label, Encoding.UTF8.GetBytes(value));

    /// <summary>Markup that must never come back unencoded in an HTML answer.</summary>
    public bool IsMarkup { get; init; }

    public override string ToString() => Label;
}

/// <summary>
/// The values every field of every form gets (generated, not hand-typed per form): sizes, control
/// characters, broken and tricky Unicode, SQL and LIKE syntax, HTML and script, numbers at and past
/// their limits, malformed identifiers, paths, header injection.
/// </summary>
public static class HostileValues
{
    private static Hostile T(string label, string value) => Hostile.Text(label, value);
    private static Hostile Markup(string label, string value) => Hostile.Text(label, value) with { IsMarkup = true };

    public static readonly IReadOnlyList<Hostile> All =
    [
        // Emptiness and size.
        T("empty", ""),
        T("spaces", "   "),
        T("whitespace mix", "\t\r\n\u00A0\u2028\u3000"),
        T("10k chars", new string('a', 10_000)),
        T("100k chars", new string('x', 100_000)),
        T("1 MB", new string('A', 1_048_576)),
        T("2 MB of é", new string('é', 1_048_576)),
        T("100k words", string.Concat(Enumerable.Repeat("mot ", 25_000))),
        // Control characters.
        T("NUL alone", "\0"),
        T("NUL inside", "abc\0def"),
        T("C0 and DEL", "\u0001\u0002\u0007\u0008\u001B[31mrouge\u007F"),
        T("CRLF header injection", "a\r\nSet-Cookie: pris=1\r\n\r\n<h1>x</h1>"),
        // Unicode edge cases.
        T("RTL override", "\u202Egpj.exe\u202C"),
        T("zero-width", "a\u200B\u200C\u200D\u2060\uFEFFb"),
        T("emoji", "🎨🖼️👩🏿‍🎨🇨🇲"),
        T("combining marks", "e" + new string('\u0301', 500)),
        T("zalgo", "Z̴̡̛͓̬͍̥̘̑̈́̓̔͐ả̵̧͔̳̪̭͊̎̽̊l̸̢̛̮̮̞͒̆͑̽g̵̨̢̮̗͐̀o̶̢͈̤̞͒̾̈"),
        T("lone surrogate", "a\uD800b"),
        T("noncharacters", "\uFFFE\uFFFF\uFDD0"),
        T("fullwidth digits", "１２３４５"),
        T("arabic digits", "١٢٣٤٥"),
        T("100 accented letters", new string('é', 100)),
        new("invalid UTF-8", [0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE]),
        new("overlong slash", [0x61, 0xC0, 0xAF, 0x62]),
        new("UTF-8 surrogate", [0xED, 0xA0, 0x80, 0x61]),
        new("truncated sequence", [0x61, 0xE2, 0x82]),
        // SQL and LIKE.
        T("sql quote", "' OR '1'='1"),
        T("sql drop", "'; DROP TABLE \"AspNetUsers\"; --"),
        T("sql sleep", "1; SELECT pg_sleep(5); --"),
        T("like wildcards", "%_%\\%"),
        T("percent run", new string('%', 300)),
        // Markup and script.
        Markup("script tag", "<script>window.__xss=1</script>"),
        Markup("img onerror", "\"><img src=x onerror=alert(1)>"),
        Markup("svg onload", "'><svg onload=alert(1)>"),
        Markup("textarea breakout", "</textarea><script>alert(1)</script>"),
        Markup("json-ld breakout", "</script><script>alert(1)</script>"),
        T("javascript url", "javascript:alert(1)"),
        T("markdown js link", "[x](javascript:alert(1))"),
        T("template injection", "{{7*7}}${7*7}@(7*7)"),
        // Numbers.
        T("long max", "9223372036854775807"),
        T("long max + 1", "9223372036854775808"),
        T("long min", "-9223372036854775808"),
        T("minus one", "-1"),
        T("zero", "0"),
        T("NaN", "NaN"),
        T("Infinity", "Infinity"),
        T("1e308", "1e308"),
        T("1e309", "1e309"),
        T("denormal", "4.9e-324"),
        T("hex", "0x7FFFFFFF"),
        T("long digit run", new string('9', 400)),
        // Identifiers.
        T("empty guid", "00000000-0000-0000-0000-000000000000"),
        T("malformed guid", "0000000-0000-0000-0000-00000000000g"),
        T("braced guid", "{" + Guid.NewGuid() + "}"),
        T("random guid", Guid.NewGuid().ToString()),
        // Paths and formats.
        T("path traversal", "../../../../etc/passwd"),
        T("windows path", "..\\..\\windows\\win.ini"),
        T("format string", "%s%s%s%n{0}{1}"),
        T("email-ish", "a@b@c@" + new string('d', 300) + ".cm"),
    ];

    /// <summary>The values PostgreSQL sees differently from SQLite (NUL, encodings, sizes, numbers): its sample.</summary>
    public static readonly IReadOnlyList<Hostile> PostgresSample = All.Where(h => h.Label is
        "1 MB" or "10k chars" or "NUL alone" or "NUL inside" or "C0 and DEL" or "emoji" or "combining marks" or "lone surrogate"
        or "invalid UTF-8" or "UTF-8 surrogate" or "sql quote" or "like wildcards" or "script tag" or "long max + 1" or "1e309"
        or "malformed guid" or "100 accented letters").ToList();

    /// <summary>
    /// The values a password field gets: a password is only ever hashed (80 ms each, on purpose),
    /// never stored nor shown, so its encodings and sizes are what matter.
    /// </summary>
    public static readonly IReadOnlyList<Hostile> PasswordSample = All.Where(h => h.Label is
        "empty" or "1 MB" or "NUL inside" or "invalid UTF-8" or "emoji" or "combining marks" or "lone surrogate" or "script tag").ToList();

    /// <summary>
    /// The values a name the handler binds but its form does not show gets (a ReturnUrl, a reason
    /// "show again" ignores): only a script posts those, and what matters is size, encoding, type.
    /// </summary>
    public static readonly IReadOnlyList<Hostile> UnshownSample = All.Where(h => h.Label is
        "1 MB" or "10k chars" or "NUL inside" or "invalid UTF-8" or "emoji" or "script tag" or "long max + 1" or "malformed guid").ToList();

    /// <summary>The values also posted without JavaScript (an HTML answer that shows the values again).</summary>
    public static readonly IReadOnlyList<Hostile> PlainSample = All.Where(h => h.Label is
        "NUL inside" or "1 MB" or "invalid UTF-8" or "script tag" or "img onerror" or "textarea breakout" or "CRLF header injection").ToList();

    /// <summary>At and just past a field's maxlength, in characters that take two UTF-16 units or two UTF-8 bytes.</summary>
    public static IEnumerable<Hostile> AroundLimit(int maxLength) =>
    [
        T($"maxlength {maxLength} ascii", new string('m', maxLength)),
        T($"maxlength {maxLength} + 1 ascii", new string('m', maxLength + 1)),
        T($"maxlength {maxLength} of é", new string('é', maxLength)),
        T($"maxlength {maxLength} emoji", string.Concat(Enumerable.Repeat("🎨", maxLength))),
        // Cut at the limit, this one leaves half an emoji (a lone surrogate) where a code truncates by UTF-16 units.
        T($"maxlength {maxLength} emoji, odd", "a" + string.Concat(Enumerable.Repeat("🎨", maxLength))),
        T($"maxlength {maxLength} padded", " " + new string('m', maxLength) + " "),
    ];
}
