using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Infrastructure;

/// <summary>The output cache's memory is a setting (OutputCache:SizeLimitMegabytes), 32 MB unless set.</summary>
public class OutputCacheSizeTests
{
    [Test]
    public async Task The_cache_holds_32_MB_of_pages_by_default_and_the_setting_changes_it()
    {
        var shared = await TestApps.GetAsync(DatabaseProvider.Sqlite);
        Assert.That(shared.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit, Is.EqualTo(32L * 1024 * 1024));

        var app = await TestApps.CreateDedicatedAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["OutputCache:SizeLimitMegabytes"] = "8" });
        Assert.That(app.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit, Is.EqualTo(8L * 1024 * 1024));
    }
}
