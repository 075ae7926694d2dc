using Microsoft.EntityFrameworkCore;

namespace PosaX.Web.Data;

/// <summary>The embedded default: same model, SQLite migrations.</summary>
public sealed class SqlitePosaXDbContext(DbContextOptions<SqlitePosaXDbContext> options) : PosaXDbContext(options);
