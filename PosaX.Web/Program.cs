using PosaX.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPosaXData();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.MapGet("/health/live", () => "ok");
app.Run();

public partial class Program;
