using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;
using System.Runtime.CompilerServices;

namespace Evacuation.Data;

/// <summary>
/// Inserts many new rows, bypassing change tracking, with the columns and value conversions of the EF model: the
/// one insert path for imports (100,000 citizens), fan-out (100,000 deliveries), answers and timeline events.
/// Runs inside the context's current transaction when there is one.
/// </summary>
/// <remarks>
/// SQLite runs in-process, so the cost is all per row: one statement is prepared once and then, for each row, bound
/// by position (<see cref="SqliteRowBinding"/>), stepped and reset directly through SQLitePCL
/// (https://www.sqlite.org/cintro.html), skipping the ADO.NET layer's per-execution work (a reader per call, every
/// parameter looked up by name).
/// PostgreSQL is a network round trip away: many rows per statement through Npgsql.
/// </remarks>
public static class BulkInsert
{
    /// <summary>Inserts every row; a row that breaks a unique key fails the call (and, with a transaction, the batch).</summary>
    public static Task InsertAsync<T>(this EvacuationDb db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class => WriteAsync(db, rows, skipExisting: false, cancellationToken);

    /// <summary>Inserts the rows whose unique keys are not taken yet and silently skips the others (a re-run after a crash).</summary>
    public static Task InsertNewAsync<T>(this EvacuationDb db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class => WriteAsync(db, rows, skipExisting: true, cancellationToken);

    // Npgsql: a few hundred parameters per statement keeps the statement small and the round trips few.
    const int MaxParameters = 250;

    sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping);

    static async Task WriteAsync<T>(EvacuationDb db, IReadOnlyList<T> rows, bool skipExisting, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Database-generated keys (identity columns) are left to the database.
        var columns = entity.GetProperties()
            .Where(p => !(p.IsKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid)))
            .Select(p => new Column(p, p.GetColumnName(table)!, (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        var tail = skipExisting ? " ON CONFLICT DO NOTHING" : "";

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            {
                WriteSqlite(sqlite, head + "(" + string.Join(", ", columns.Select((_, i) => "?" + (i + 1).ToString(CultureInfo.InvariantCulture))) + ")" + tail, entity, columns, rows);
            }
            else
            {
                await WriteInStatementsAsync(db, head, tail, columns, rows, sql, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Runs once per row of an import: compiled optimized at first call instead of starting as unoptimized code that is
    // replaced mid-import (with TieredPGO off, the optimized code is the same either way).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void WriteSqlite<T>(SqliteConnection connection, string text, IEntityType entity, List<Column> columns, IReadOnlyList<T> rows)
        where T : class
    {
        var bind = SqliteRowBinding.For<T>(entity, columns.ConvertAll(c => (c.Property, c.Mapping)));
        var handle = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(handle, text, out var statement), handle);
        using (statement)
        {
            foreach (var row in rows)
            {
                if (bind(statement, row) != raw.SQLITE_OK)
                {
                    Check(raw.sqlite3_errcode(handle), handle);
                }
                var done = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(done, handle);
                }
            }
        }
    }

    static void Check(int rc, sqlite3 handle)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    static async Task WriteInStatementsAsync<T>(
        EvacuationDb db, string head, string tail, List<Column> columns, IReadOnlyList<T> rows, ISqlGenerationHelper sql, CancellationToken cancellationToken)
        where T : class
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var rowsPerStatement = Math.Max(1, Math.Min(500, MaxParameters / columns.Count));
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var (property, _, mapping) = columns[c];
                    var name = $"p{r}_{c}";
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), property.GetGetter().GetClrValue(rows[start + r]), property.IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.Append(tail).ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
