using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using PosaX.Web.Data;

namespace PosaX.Web.Infrastructure.Demo;

/// <summary>
/// Writes many entities of one type fast, inside the context's current transaction, without
/// the change tracker: PostgreSQL gets a binary COPY, SQLite one prepared INSERT re-run per row.
/// Columns, names and value conversions come from the EF model, so what lands in the table is
/// what EF would have written (SQLite's Guid and DateTime text, enums as numbers). Computed
/// columns (PostgreSQL's stored search vector) are left to the database.
/// </summary>
internal sealed class BulkWriter<T> : IAsyncDisposable where T : class
{
    private sealed record Column(string Name, IProperty Property, ValueConverter? Converter, NpgsqlDbType? PostgresType);

    private readonly IReadOnlyList<Column> _columns;
    private readonly NpgsqlBinaryImporter? _copy;
    private readonly DbCommand? _insert;

    private BulkWriter(IReadOnlyList<Column> columns, NpgsqlBinaryImporter? copy, DbCommand? insert)
    {
        _columns = columns;
        _copy = copy;
        _insert = insert;
    }

    public long Count { get; private set; }

    /// <param name="includeKey">False lets the database number the rows (identity / autoincrement).</param>
    public static async Task<BulkWriter<T>> StartAsync(PosaXDbContext db, bool includeKey, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var postgres = db.Database.IsNpgsql();
        var columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && p.GetComputedColumnSql(table) is null && (includeKey || !p.IsPrimaryKey()))
            .Select(p =>
            {
                var mapping = p.GetRelationalTypeMapping();
                var provider = Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? mapping.ClrType)
                    ?? mapping.Converter?.ProviderClrType ?? mapping.ClrType;
                return new Column(p.GetColumnName(table)!, p, mapping.Converter, postgres ? PostgresTypeOf(provider) : null);
            })
            .ToList();
        var quotedTable = Quote(table.Name);
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var connection = db.Database.GetDbConnection();

        if (postgres)
        {
            // The COPY joins the transaction open on the connection.
            var copy = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
                $"COPY {quotedTable} ({names}) FROM STDIN (FORMAT BINARY)", ct);
            // 100,000 rows with their search vectors and indexes take longer than a command's 30 s.
            copy.Timeout = TimeSpan.FromMinutes(30);
            return new BulkWriter<T>(columns, copy, null);
        }

        var insert = connection.CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        insert.CommandText = $"INSERT INTO {quotedTable} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        for (var i = 0; i < columns.Count; i++)
            insert.Parameters.Add(columns[i].Property.GetRelationalTypeMapping().CreateParameter(insert, "@p" + i, null, nullable: true));
        await insert.PrepareAsync(ct);
        return new BulkWriter<T>(columns, null, insert);
    }

    public async Task WriteAsync(T row, CancellationToken ct)
    {
        if (_copy is not null)
        {
            await _copy.StartRowAsync(ct);
            foreach (var column in _columns)
            {
                var value = ProviderValue(column, row);
                if (value is null) await _copy.WriteNullAsync(ct);
                else await _copy.WriteAsync(value, column.PostgresType!.Value, ct);
            }
        }
        else
        {
            for (var i = 0; i < _columns.Count; i++)
                _insert!.Parameters[i].Value = ProviderValue(_columns[i], row) ?? DBNull.Value;
            await _insert!.ExecuteNonQueryAsync(ct);
        }
        Count++;
    }

    /// <summary>Ends the COPY (PostgreSQL sends the rows' fate only now); the transaction still decides.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_copy is not null) await _copy.CompleteAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_copy is not null) await _copy.DisposeAsync();
        if (_insert is not null) await _insert.DisposeAsync();
    }

    private static object? ProviderValue(Column column, T row)
    {
        var value = column.Property.GetGetter().GetClrValue(row);
        return value is null ? null : column.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static NpgsqlDbType PostgresTypeOf(Type type) =>
        type == typeof(string) ? NpgsqlDbType.Text
        : type == typeof(long) ? NpgsqlDbType.Bigint
        : type == typeof(int) ? NpgsqlDbType.Integer
        : type == typeof(short) ? NpgsqlDbType.Smallint
        : type == typeof(bool) ? NpgsqlDbType.Boolean
        : type == typeof(Guid) ? NpgsqlDbType.Uuid
        : type == typeof(double) ? NpgsqlDbType.Double
        : type == typeof(decimal) ? NpgsqlDbType.Numeric
        : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? NpgsqlDbType.TimestampTz
        : throw new NotSupportedException($"BulkWriter: no PostgreSQL type for {type.Name}; add it here.");
}
