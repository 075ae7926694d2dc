using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// Every POST handler (discovered, see <see cref="PostHandlers"/>) posted thousands of generated
/// malformed, oversized and hostile requests, starting each time from its real form as a role that
/// may use it: every field gets every hostile value, fields go missing or repeat, bodies come in the
/// wrong type or broken, tokens go missing. After each request: no 5xx, no error in the app's log,
/// staging empty; a refused request (4xx) changed no table's row count and no media file, and an
/// AJAX refusal answers the JSON contract. PostgreSQL gets a sample of the values.
/// </summary>
[Category("Abuse")]
[TestFixtureSource(typeof(AbuseTest), nameof(BothProviders))]
public partial class PostFuzzTests(DatabaseProvider provider) : AbuseTest(provider)
{
    public static IEnumerable<TestCaseData> Handlers() =>
        HandlerMatrix.Rows.Select(r => new TestCaseData(r.Key).SetName($"Fuzz {r.Key}"));

    /// <summary>One generated request: how to build it from the prepared post and a token.</summary>
    private sealed record FuzzCase(string Label, Func<PreparedPost, string, HttpRequestMessage> Build)
    {
        /// <summary>The status it must get, when the case decides it (e.g. 400 without a token).</summary>
        public HttpStatusCode? Expect { get; init; }
        /// <summary>Kestrel or routing may refuse it before any page runs (a header or URL too long, a route constraint): no JSON to expect.</summary>
        public bool BeforeRouting { get; init; }
        /// <summary>Also accepted instead of <see cref="Expect"/>: Kestrel's own refusal (431 headers too large, 414 URL too long).</summary>
        public HttpStatusCode? OrServer { get; init; }
        /// <summary>Markup posted without JavaScript: the HTML answer must not carry it unencoded.</summary>
        public string? ReflectedMarkup { get; init; }
    }

    private IReadOnlyList<PostHandler>? _discovered;

    [TestCaseSource(nameof(Handlers))]
    public async Task Hostile_posts_never_get_a_5xx_nor_leave_a_trace_when_refused(string key)
    {
        var row = HandlerMatrix.Rows.Single(r => r.Key == key);
        _discovered ??= await PostHandlers.DiscoverAsync(App.Services);
        var binds = _discovered.SingleOrDefault(h => h.Key == key)?.Binds ?? [];
        var values = Provider == DatabaseProvider.Postgres ? HostileValues.PostgresSample : HostileValues.All;
        using var run = new FuzzRun(this, row);
        await run.PrepareAsync();
        var cases = Cases(row, run.Post, binds, values, full: Provider == DatabaseProvider.Sqlite).ToList();

        var failures = new List<string>();
        var slowest = new List<(TimeSpan Elapsed, string Label)>();
        var statuses = new SortedDictionary<int, int>();
        var watch = Stopwatch.StartNew();
        var log = WatchLog();
        var start = await ConsistencyAsync();
        var counts = await CountRowsAsync();
        var media = Media();
        foreach (var fuzz in cases)
        {
            using var request = fuzz.Build(run.Post, run.Token);
            var answer = await Answer.SendAsync(run.Cell.Client, request);
            statuses[answer.Code] = statuses.GetValueOrDefault(answer.Code) + 1;
            slowest.Add((answer.Elapsed, fuzz.Label));
            if (slowest.Count > 3) slowest.Remove(slowest.MinBy(s => s.Elapsed));
            var problems = new List<string>();

            if (answer.Code >= 500) problems.Add($"{answer.Code}: {answer.Short}");
            if (fuzz.Expect is { } expected && answer.Status != expected && answer.Status != fuzz.OrServer)
                problems.Add($"expected {(int)expected}, got {answer}");
            var errors = log.NewErrors();
            if (errors.Count > 0) problems.Add("logged: " + string.Join(" | ", errors));
            var nowMedia = Media();
            if (nowMedia.Staging.Length > 0) problems.Add("staging not empty: " + string.Join(", ", nowMedia.Staging));
            if (fuzz.ReflectedMarkup is { } markup && answer.Body.Contains(markup, StringComparison.Ordinal))
                problems.Add("markup reflected unencoded in the HTML answer");

            var succeeded = answer.Code is >= 200 and < 400;
            if (answer.Code is >= 400 and < 500)
            {
                var nowCounts = await CountRowsAsync();
                if (nowCounts.DifferenceFrom(counts) is { Length: > 0 } changed) problems.Add($"refused ({answer.Code}) but rows changed: {changed}");
                if (nowMedia.AddedSince(media).Concat(nowMedia.RemovedSince(media)).ToArray() is { Length: > 0 } files)
                    problems.Add($"refused ({answer.Code}) but media changed: {string.Join(", ", files.Take(5))}");
                var ajax = request.Headers.Accept.Any(a => a.MediaType == "application/json");
                if (ajax && !fuzz.BeforeRouting && answer.ContractProblem() is { } contract)
                    problems.Add($"AJAX refusal {answer.Code} without the JSON contract: {contract}");
                counts = nowCounts;
            }
            else if (succeeded)
            {
                // A success may write: the next case starts from the new state.
                counts = await CountRowsAsync();
            }
            media = nowMedia;
            if (problems.Count > 0) failures.Add($"[{fuzz.Label}] {string.Join("; ", problems)}");

            // A form without fields of its own (delete, logout) is done once its target is used up:
            // the hostile values it carries go to fields it does not read, the same with or without target.
            if (succeeded && row.ConsumedOnSuccess && run.Post.FieldNames().Length > 0)
            {
                await run.PrepareAsync();
                counts = await CountRowsAsync();
                media = Media();
            }
        }
        failures.AddRange((await BrokenSinceAsync(start)).Select(p => "[after the batch] " + p));
        Progress($"{Provider} {key}: {cases.Count} cases in {watch.Elapsed.TotalSeconds:F1} s, statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; slowest: {string.Join(", ", slowest.OrderByDescending(s => s.Elapsed).Select(s => $"{s.Label} {s.Elapsed.TotalMilliseconds:F0} ms"))}");
        Assert.That(failures, Is.Empty, $"{failures.Count} of {cases.Count} hostile posts to {key} went wrong:\n" + string.Join("\n", failures.Take(40)));
    }

    /// <summary>The acting client, its prepared post and token: made again when a success used the target up.</summary>
    private sealed class FuzzRun(PostFuzzTests test, HandlerRow row) : IDisposable
    {
        public Cell Cell { get; private set; } = null!;
        public PreparedPost Post { get; private set; } = null!;
        public string Token { get; private set; } = "";

        /// <summary>The first time: a new cell. After a success that used the target up: a new target, and a new visitor if anonymous.</summary>
        public async Task PrepareAsync()
        {
            if (Cell is null) Cell = await Cell.CreateAsync(test.World, row.FuzzRole);
            else if (Cell.Actor is null) Cell.RenewVisitor();
            Post = await row.Prepare(Cell);
            await Cell.BeforePostAsync();
            Token = await AbuseWorld.TokenAsync(Cell.Client);
        }

        public void Dispose() => Cell?.Dispose();
    }

    private static IEnumerable<RawField> Raw(IEnumerable<KeyValuePair<string, string>> values) =>
        values.Select(v => RawField.Text(v.Key, v.Value));

    private static HttpRequestMessage Post(PreparedPost post, string? token, IEnumerable<RawField> fields, bool ajax = true,
        string? action = null, IEnumerable<Upload>? files = null) =>
        FormRequests.Build(action ?? post.Action, fields, files ?? post.Files, post.Multipart, token, ajax, tokenInBody: !ajax);

    /// <summary>The post with one field's value(s) replaced.</summary>
    private static IEnumerable<RawField> With(PreparedPost post, string field, byte[] value)
    {
        var replaced = false;
        foreach (var (name, text) in post.Values())
        {
            if (name != field) { yield return RawField.Text(name, text); continue; }
            if (replaced) continue;
            replaced = true;
            yield return new RawField(name, value);
        }
        if (!replaced) yield return new RawField(field, value);
    }

    private static IEnumerable<FuzzCase> Cases(HandlerRow row, PreparedPost prepared, IReadOnlyList<string> binds, IReadOnlyList<Hostile> values, bool full)
    {
        var fields = prepared.FieldNames();
        // Every field the form shows, and every name the handler binds though the form does not
        // show it (a reason on "show again", say): a script posts what it likes. A form without
        // fields of its own still gets hostile values, in fields it does not read.
        var targets = fields.Concat(binds).Distinct(StringComparer.Ordinal).DefaultIfEmpty("id").ToArray();
        var sample = HostileValues.PostgresSample;
        if (fields.Length == 0) values = sample;
        // A form that uploads photos pays for their processing on every valid post: its text fields
        // get the sample (the edit form, same fields and rules without upload, gets them all; uploads
        // have HostileUploadTests).
        if (prepared.Files.Count > 0) values = sample;
        var passwords = prepared.Form.QuerySelectorAll("input[type=password]").Select(e => e.GetAttribute("name")).ToHashSet();
        foreach (var field in targets)
        {
            var maxLength = prepared.Form.QuerySelector($"[name='{field}'][maxlength]")?.GetAttribute("maxlength") is { } max
                && int.TryParse(max, out var parsed) ? parsed : (int?)null;
            var password = passwords.Contains(field);
            // What nobody types (a name only the handler knows, a password that is only hashed) gets a sample.
            var own = password ? HostileValues.PasswordSample : fields.Contains(field) ? values : HostileValues.UnshownSample;
            // On both providers (a column's limit is where PostgreSQL and SQLite part ways), but a
            // password's limit is validation only, never a column: SQLite's run covers it.
            var fieldValues = maxLength is { } m && (full || !password) ? own.Concat(HostileValues.AroundLimit(m)) : own;
            foreach (var value in fieldValues)
            {
                yield return new FuzzCase($"{field} = {value.Label}", (post, token) => Post(post, token, With(post, field, value.Bytes)));
            }
            foreach (var value in full && !password && fields.Contains(field) ? HostileValues.PlainSample : [])
            {
                yield return new FuzzCase($"{field} = {value.Label}, no JavaScript", (post, token) => Post(post, token, With(post, field, value.Bytes), ajax: false))
                {
                    ReflectedMarkup = value.IsMarkup ? Encoding.UTF8.GetString(value.Bytes) : null,
                };
            }
            yield return new FuzzCase($"{field} missing", (post, token) => Post(post, token, Raw(post.Values().Where(v => v.Key != field))));
            yield return new FuzzCase($"{field} twice", (post, token) =>
                Post(post, token, Raw(post.Values()).Append(RawField.Text(field, "<b>deux</b>")).Append(new RawField(field, [0xFF, 0x00]))));
        }

        // Without a token, or with a forged one: 400 with the JSON contract, never a 500, nothing written
        // (an exempt handler, the one-click unsubscribe, ignores tokens: only "no 5xx, no trace" holds).
        HttpStatusCode? refused = row.AntiforgeryExempt ? null : HttpStatusCode.BadRequest;
        yield return new FuzzCase("no antiforgery token", (post, _) => Post(post, null, Raw(post.Values()))) { Expect = refused };
        yield return new FuzzCase("forged antiforgery token", (post, _) => Post(post, "CfDJ8" + new string('A', 150), Raw(post.Values())))
            { Expect = refused };
        yield return new FuzzCase("token of 100k chars", (post, _) => Post(post, new string('Q', 100_000), Raw(post.Values())))
            { Expect = refused, OrServer = HttpStatusCode.RequestHeaderFieldsTooLarge, BeforeRouting = true };
        yield return new FuzzCase("no token, no JavaScript", (post, _) => Post(post, null, Raw(post.Values()), ajax: false))
            { Expect = refused, BeforeRouting = true };
        if (!full) yield break;

        yield return new FuzzCase("no fields at all", (post, token) => Post(post, token, [], files: []));
        yield return new FuzzCase("every field empty", (post, token) => Post(post, token, post.Values().Select(v => RawField.Text(v.Key, ""))));
        yield return new FuzzCase("every field NUL", (post, token) => Post(post, token, post.Values().Select(v => RawField.Text(v.Key, "\0"))));
        yield return new FuzzCase("every field 100k chars", (post, token) =>
            Post(post, token, post.Values().Select(v => RawField.Text(v.Key, new string('z', 100_000)))));
        yield return new FuzzCase("unknown extra fields", (post, token) =>
            Post(post, token, Raw(post.Values()).Concat([RawField.Text("isAdmin", "true"), RawField.Text("Id", "1"), RawField.Text("ArtistId", Guid.NewGuid().ToString()), RawField.Text("handler", "Suspend")])));
        yield return new FuzzCase("5,000 fields", (post, token) =>
            Post(post, token, Raw(post.Values()).Concat(Enumerable.Range(0, 5_000).Select(i => RawField.Text($"f{i}", "x")))));
        yield return new FuzzCase("a field name of 100k chars", (post, token) =>
            Post(post, token, Raw(post.Values()).Append(RawField.Text(new string('k', 100_000), "x"))));
        yield return new FuzzCase("JSON body", (post, token) => WithBody(post, token,
            new StringContent(System.Text.Json.JsonSerializer.Serialize(post.Values().ToDictionary(v => v.Key, v => v.Value)), Encoding.UTF8, "application/json")));
        yield return new FuzzCase("text/plain body", (post, token) => WithBody(post, token, new StringContent("name=x&email=y", Encoding.UTF8, "text/plain")));
        yield return new FuzzCase("multipart without boundary", (post, token) => WithBody(post, token, Typed("multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n")));
        yield return new FuzzCase("multipart cut in the middle", (post, token) => WithBody(post, token,
            Typed("multipart/form-data; boundary=cut", "--cut\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nsans fin")));
        yield return new FuzzCase("multipart with a 20 kB part header", (post, token) => WithBody(post, token,
            Typed("multipart/form-data; boundary=big", $"--big\r\nContent-Disposition: form-data; name=\"title\"\r\nX-Long: {new string('h', 20_000)}\r\n\r\nv\r\n--big--\r\n")));
        yield return new FuzzCase("form body of binary garbage", (post, token) => WithBody(post, token,
            new ByteArrayContent(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } }));
        yield return new FuzzCase("form body with a bare %", (post, token) => WithBody(post, token, Typed("application/x-www-form-urlencoded", "title=%&name=%zz&%%%=1")));
        // Razor Pages falls back to the page's unnamed OnPost when there is one; otherwise nothing may run (404).
        HttpStatusCode? unknownHandler = HandlerMatrix.Rows.Any(r => r.Route == row.Route && r.Handler is null) ? null : HttpStatusCode.NotFound;
        yield return new FuzzCase("unknown handler", (post, token) => Post(post, token, Raw(post.Values()), action: WithHandler(post.Action, "Inexistant")))
            { Expect = unknownHandler };
        yield return new FuzzCase("handler name of 10k chars", (post, token) => Post(post, token, Raw(post.Values()), action: WithHandler(post.Action, new string('H', 10_000))))
            { Expect = unknownHandler, OrServer = HttpStatusCode.RequestUriTooLong, BeforeRouting = true };

        if (IdInPath().IsMatch(prepared.Action))
        {
            foreach (var (label, id, routed) in new[] { ("0", "0", true), ("-1", "-1", true), ("long max", "9223372036854775807", true), ("past long", "9223372036854775808", false), ("not a number", "abc", false) })
                yield return new FuzzCase($"route id {label}", (post, token) => Post(post, token, Raw(post.Values()), action: IdInPath().Replace(post.Action, $"/{id}/", 1)))
                    { BeforeRouting = !routed };
        }
    }

    private static StringContent Typed(string contentType, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static HttpRequestMessage WithBody(PreparedPost post, string token, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, post.Action) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private static string WithHandler(string action, string handler)
    {
        var withoutHandler = Regex.Replace(action, @"([?&])handler=[^&]*&?", "$1").TrimEnd('?', '&');
        return withoutHandler + (withoutHandler.Contains('?') ? "&" : "?") + "handler=" + Uri.EscapeDataString(handler);
    }

    [GeneratedRegex(@"/\d+/")]
    private static partial Regex IdInPath();
}
