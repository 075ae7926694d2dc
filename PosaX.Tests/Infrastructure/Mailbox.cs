using System.Text.RegularExpressions;

namespace PosaX.Tests.Infrastructure;

/// <summary>
/// Reads the pickup folder the app writes mails to when no SendGrid key is set (several folders: one per
/// app instance, when several instances share one outbox).
/// </summary>
public sealed partial class Mailbox(params string[] directories)
{
    public sealed record Mail(string To, string Subject, string Body, string Path)
    {
        /// <summary>Every header the pickup file holds (To, Subject, List-Unsubscribe…).</summary>
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

        public string Link(string pathStart) =>
            LinkPattern().Matches(Body).Select(m => m.Value)
                .FirstOrDefault(l => new Uri(l).AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal))
            ?? throw new AssertionException($"No {pathStart} link in mail \"{Subject}\":\n{Body}");
    }

    public IReadOnlyList<Mail> For(string to)
    {
        return directories.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.eml"))
            .Select(Read)
            .Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    /// <summary>Waits for the background sender to deliver a mail whose subject contains the text.</summary>
    public async Task<Mail> WaitForAsync(string to, string subjectContains, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var mails = For(to).Where(m => m.Subject.Contains(subjectContains, StringComparison.Ordinal)).ToList();
            if (mails.Count >= count) return mails.OrderBy(m => File.GetLastWriteTimeUtc(m.Path)).Last();
            if (DateTime.UtcNow > deadline)
                throw new AssertionException($"No mail \"{subjectContains}\" for {to} (got: {string.Join(", ", For(to).Select(m => m.Subject))}).");
            await Task.Delay(100);
        }
    }

    private static Mail Read(string path)
    {
        var text = File.ReadAllText(path);
        var headerEnd = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = text[..headerEnd].Split('\n').Select(l => l.Split(": ", 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim());
        return new Mail(headers["To"], headers["Subject"], text[(headerEnd + 2)..], path) { Headers = headers };
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
