using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Evacuation.Data;

/// <summary>
/// Inserts many new rows with multi-row INSERT statements built from the EF model, bypassing change tracking.
/// Used where EF's per-entity bookkeeping would dominate (importing 100,000 citizens, fanning out deliveries).
/// </summary>
/// <remarks>
/// Column names and value conversions come from the model's type mappings, so a value is written exactly as EF
/// would write it on either provider (e.g. a Guid as upper-case TEXT on SQLite, as uuid on PostgreSQL).
/// Runs inside the context's current transaction when there is one.
/// </remarks>
public static class BulkInsert
{
    // Small statements: Microsoft.Data.Sqlite binds parameters by name with a linear search, so cost grows with the
    // square of the parameter count; a few hundred per statement keeps it linear overall.
    const int MaxParameters = 250;

    /// <summary>The value as the parameter carries it: converted as the model says, Guids as EF writes them on SQLite.</summary>
    static object ProviderValue(RelationalTypeMapping mapping, object? value, bool sqlite)
    {
        if (value is null)
        {
            return DBNull.Value;
        }
        var converted = mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        return converted switch
        {
            null => DBNull.Value,
            Guid g when sqlite => g.ToString().ToUpperInvariant(),
            _ => converted,
        };
    }

    static DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction, string head, int rows, int columns, ISqlGenerationHelper sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder(head);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder($"p{r}_{c}"));
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        return command;
    }

    public static async Task InsertAsync<T>(this EvacuationDb db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
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
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        // SQLite runs in-process: one prepared single-row INSERT, executed synchronously, is its fastest path.
        // PostgreSQL is a network round trip away: many rows per statement.
        var rowsPerStatement = sqlite ? 1 : Math.Max(1, Math.Min(500, MaxParameters / columns.Count));

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // One command per statement size, kept across chunks so the database parses and plans it once.
            DbCommand? full = null;
            try
            {
                for (var start = 0; start < rows.Count; start += rowsPerStatement)
                {
                    var count = Math.Min(rowsPerStatement, rows.Count - start);
                    DbCommand command;
                    if (count == rowsPerStatement)
                    {
                        full ??= CreateCommand(connection, transaction, head, count, columns.Count, sql);
                        command = full;
                    }
                    else
                    {
                        command = CreateCommand(connection, transaction, head, count, columns.Count, sql);
                    }
                    var fresh = command.Parameters.Count == 0;
                    for (var r = 0; r < count; r++)
                    {
                        var row = rows[start + r];
                        for (var c = 0; c < columns.Count; c++)
                        {
                            var (property, _, mapping) = columns[c];
                            var value = property.GetGetter().GetClrValue(row);
                            if (fresh)
                            {
                                command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName($"p{r}_{c}"), value, property.IsNullable));
                            }
                            else
                            {
                                command.Parameters[(r * columns.Count) + c].Value = ProviderValue(mapping, value, sqlite);
                            }
                        }
                    }
                    if (sqlite)
                    {
                        if (fresh)
                        {
                            await command.PrepareAsync(cancellationToken);
                        }
                        // SQLite has no asynchronous I/O; the async path only adds overhead per row.
                        command.ExecuteNonQuery();
                    }
                    else
                    {
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    if (command != full)
                    {
                        await command.DisposeAsync();
                    }
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
