using PosaX.Web.Features.About;
using PosaX.Web.Features.Admin;
using PosaX.Web.Features.Atelier;
using PosaX.Web.Features.Auth;
using PosaX.Web.Features.Catalogue;
using PosaX.Web.Features.Favourites;
using PosaX.Web.Features.Orders;
using PosaX.Web.Features.Profile;
using PosaX.Web.Features.Seo;
using PosaX.Web.Features.Statistics;
using PosaX.Web.Features.Subscriptions;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Demo;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
// What belongs to no feature: data, pages and their cache, mail, images.
builder.AddPosaXData();
builder.AddPosaXWeb();
builder.AddPosaXEmail();
builder.AddPosaXImages();
// Each feature registers its own services, page conventions, limits and policies.
builder.AddAuthFeature();
builder.AddProfileFeature();
builder.AddCatalogueFeature();
builder.AddAtelierFeature();
builder.AddOrdersFeature();
builder.AddAdminFeature();
builder.AddAboutFeature();
builder.AddStatisticsFeature();
builder.AddFavouritesFeature();
builder.AddSubscriptionsFeature();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (AdminCommands.IsCommand(args)) return await AdminCommands.CreateAdminAsync(app.Services, args, Console.Out);
if (DemoCommands.IsCommand(args)) return await DemoCommands.RunAsync(app.Services, args, Console.Out);

app.UsePosaXWeb();
app.UsePosaXMedia();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
// After authentication (signed-in users are never served from or stored in the cache) and inside
// response compression: the cache keeps the plain body, each response is compressed as asked.
app.UseOutputCache();
// After the cache: a page it answers neither waits for a render's turn nor counts (PageRenderQueue).
app.UseRateLimiter();
app.MapSitemaps();
app.MapStatistics();
app.MapFavourites();
app.MapSubscriptions();
app.MapPosaXEndpoints();
app.Run();
return 0;

public partial class Program;
