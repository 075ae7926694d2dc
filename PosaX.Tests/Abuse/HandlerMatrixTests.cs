using System.Net;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Abuse;

/// <summary>
/// The full role × handler matrix: every POST handler the app has, posted validly (the real form,
/// a fresh antiforgery token of the poster) by an anonymous visitor, the owning artist, another
/// artist, a suspended artist and an admin. Only the allowed cells succeed; a refused cell gets its
/// status with the JSON contract and changes no row and no file.
/// </summary>
[Category("Abuse")]
[TestFixtureSource(typeof(AbuseTest), nameof(SqliteOnly))]
public class HandlerMatrixTests(DatabaseProvider provider) : AbuseTest(provider)
{
    [Test]
    public async Task Every_post_handler_of_the_app_has_a_row_in_the_matrix_and_every_row_a_handler()
    {
        var handlers = await PostHandlers.DiscoverAsync(App.Services);
        Progress($"{handlers.Count} POST handlers discovered: {string.Join(", ", handlers)}");

        Assert.That(handlers.Select(h => h.Key), Does.Contain("POST /connexion").And.Contain("POST /admin/artistes?handler=Suspend"),
            "discovery finds page handlers, named or not");
        var keys = handlers.Select(h => h.Key).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(handlers.Where(h => HandlerMatrix.For(h) is null).Select(h => h.Key), Is.Empty,
                "POST handlers without a row in HandlerMatrix.Rows: decide who may use them (one line each)");
            Assert.That(handlers.Count(h => h.Route.StartsWith("/en/", StringComparison.Ordinal)), Is.GreaterThan(10),
                "the English twins of the handlers are discovered too (and take their French row)");
            Assert.That(HandlerMatrix.Rows.Where(r => !keys.Contains(r.Key)).Select(r => r.Key), Is.Empty,
                "rows of HandlerMatrix.Rows whose handler the app no longer has");
            Assert.That(HandlerMatrix.Rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "one row per handler");
        });
    }

    public static IEnumerable<TestCaseData> Cells() =>
        from row in HandlerMatrix.Rows
        from role in Enum.GetValues<Role>()
        select new TestCaseData(row.Key, role).SetName($"{row.Key} as {role}");

    [TestCaseSource(nameof(Cells))]
    public async Task Only_the_allowed_roles_succeed_and_a_refusal_changes_nothing(string key, Role role)
    {
        var row = HandlerMatrix.Rows.Single(r => r.Key == key);
        using var cell = await Cell.CreateAsync(World, role);
        var post = await row.Prepare(cell);
        await cell.BeforePostAsync();
        var token = await AbuseWorld.TokenAsync(cell.Client);

        var rows = await DigestAsync();
        var media = Media();
        var log = WatchLog();
        var answer = await Answer.SendAsync(cell.Client,
            FormRequests.Build(post.Action, post.Values().Select(v => RawField.Text(v.Key, v.Value)), post.Files, post.Multipart, token));
        var expected = row.Refusal(role);
        Progress($"{key} as {role}: {answer.Code}{(expected is null ? " (allowed)" : $" (refused, expected {(int)expected})")}");

        using (Assert.EnterMultipleScope())
        {
            if (expected is null)
            {
                Assert.That(row.Succeeded(answer), Is.True, $"{role} may use {key}: {answer}");
            }
            else
            {
                Assert.That(answer.Status, Is.EqualTo(expected.Value), $"{role} on {key}: {answer}");
                Assert.That(answer.ContractProblem(), Is.Null, "a refusal answers the JSON contract");
                Assert.That((await DigestAsync()).DifferenceFrom(rows), Is.Empty, "tables changed by a refused post");
                var now = Media();
                Assert.That(now.AddedSince(media).Concat(now.RemovedSince(media)), Is.Empty, "media files changed by a refused post");
            }
            Assert.That(Media().Staging, Is.Empty, "staging left empty");
            Assert.That(log.NewErrors(), Is.Empty, "errors logged");
        }
    }
}
