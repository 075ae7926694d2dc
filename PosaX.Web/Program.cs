using PosaX.Web.Features.Orders;
using PosaX.Web.Infrastructure;
using PosaX.Web.Infrastructure.Accounts;
using PosaX.Web.Infrastructure.Email;
using PosaX.Web.Infrastructure.Images;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddPosaXData();
builder.AddPosaXAccounts();
builder.AddPosaXEmail();
builder.AddPosaXWeb();
builder.AddPosaXOrders();
builder.Services.AddPosaXValidators();
builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
builder.Services.AddSingleton<ImagePipeline>();
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<AccountMails>();
builder.Services.AddScoped<PosaX.Web.Features.Catalogue.ArtworkSearch>();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (PosaX.Web.Features.Admin.AdminCommands.IsCommand(args))
    return await PosaX.Web.Features.Admin.AdminCommands.CreateAdminAsync(app.Services, args, Console.Out);
if (PosaX.Web.Infrastructure.Demo.DemoCommands.IsCommand(args)) return await PosaX.Web.Infrastructure.Demo.DemoCommands.RunAsync(app.Services, args, Console.Out);

app.UsePosaXWeb();
app.UsePosaXMedia();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
// After authentication (signed-in users are never served from or stored in the cache) and inside
// response compression: the cache keeps the plain body, each response is compressed as asked.
app.UseOutputCache();
app.MapPosaXEndpoints();
app.Run();
return 0;

public partial class Program;
