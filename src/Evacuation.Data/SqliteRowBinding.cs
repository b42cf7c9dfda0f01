using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;
using System.Runtime.CompilerServices;

namespace Evacuation.Data;

/// <summary>
/// Binds one entity's column values to a prepared SQLite statement by position, through a delegate compiled once per
/// entity type from the EF model: the property read, the model's value converter (an expression EF gives), then a
/// typed bind. Nothing is boxed and no value becomes a string object on the way: at 100,000 rows of 23 columns the
/// boxed path (EF getters, converters taking object, Guid and time strings) cost more than SQLite's own work.
/// </summary>
/// <remarks>
/// Values are written as EF Core writes them on SQLite: GUIDs as upper-case TEXT, times as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, enums through the model's converters. Text is encoded to UTF-8 on the stack and
/// bound with SQLITE_TRANSIENT (SQLite copies it; https://www.sqlite.org/c3ref/bind_blob.html).
/// </remarks>
static class SqliteRowBinding
{
    /// <summary>Binds parameters 1..n of the statement; returns 0, or the first non-zero SQLite result code.</summary>
    public delegate int Binder<in T>(sqlite3_stmt statement, T row);

    static readonly ConcurrentDictionary<(IEntityType, Type), Delegate> Compiled = new();

    public static Binder<T> For<T>(IEntityType entity, IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns)
        where T : class =>
        (Binder<T>)Compiled.GetOrAdd((entity, typeof(T)), _ => Compile<T>(columns));

    static Binder<T> Compile<T>(IReadOnlyList<(IProperty Property, RelationalTypeMapping Mapping)> columns)
    {
        var statement = Expression.Parameter(typeof(sqlite3_stmt), "statement");
        var row = Expression.Parameter(typeof(T), "row");
        var result = Expression.Variable(typeof(int), "result");
        var body = new List<Expression> { Expression.Assign(result, Expression.Constant(0)) };
        for (var c = 0; c < columns.Count; c++)
        {
            // result |= bind(...): any failure leaves a non-zero code, and SQLite keeps the message of the last one.
            body.Add(Expression.OrAssign(result, BindColumn(statement, c + 1, row, columns[c].Property, columns[c].Mapping)));
        }
        body.Add(result);
        return Expression.Lambda<Binder<T>>(Expression.Block([result], body), statement, row).Compile();
    }

    static Expression BindColumn(ParameterExpression statement, int index, ParameterExpression row, IProperty property, RelationalTypeMapping mapping)
    {
        Expression read = property.PropertyInfo is { } info ? Expression.Property(row, info)
            : property.FieldInfo is { } field ? Expression.Field(row, field)
            : throw new NotSupportedException($"BulkInsert writes CLR properties only; {property.DeclaringType.DisplayName()}.{property.Name} has none.");
        var value = Expression.Variable(read.Type, "value");
        var position = Expression.Constant(index);
        var bindNull = Expression.Call(typeof(raw), nameof(raw.sqlite3_bind_null), null, statement, position);

        Expression present = value;
        Expression? isNull = null;
        if (Nullable.GetUnderlyingType(read.Type) is not null)
        {
            isNull = Expression.Not(Expression.Property(value, "HasValue"));
            present = Expression.Property(value, "Value");
        }
        else if (!read.Type.IsValueType)
        {
            isNull = Expression.Equal(value, Expression.Constant(null, read.Type));
        }
        if (mapping.Converter is { } converter)
        {
            var convert = converter.ConvertToProviderExpression;
            var input = convert.Parameters[0].Type;
            present = Expression.Invoke(convert, present.Type == input ? present : Expression.Convert(present, input));
        }
        var bind = BindValue(statement, position, present, property);
        var write = isNull is null ? bind : Expression.Condition(isNull, bindNull, bind);
        return Expression.Block([value], Expression.Assign(value, read), write);
    }

    static Expression BindValue(ParameterExpression statement, ConstantExpression position, Expression value, IProperty property)
    {
        var type = value.Type;
        if (type.IsEnum)
        {
            value = Expression.Convert(value, typeof(long));
            type = typeof(long);
        }
        else if (type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(bool))
        {
            value = type == typeof(bool) ? Expression.Condition(value, Expression.Constant(1L), Expression.Constant(0L)) : Expression.Convert(value, typeof(long));
            type = typeof(long);
        }
        else if (type == typeof(float))
        {
            value = Expression.Convert(value, typeof(double));
            type = typeof(double);
        }
        var method = typeof(SqliteRowBinding).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static, [typeof(sqlite3_stmt), typeof(int), type])
            ?? throw new NotSupportedException(
                $"BulkInsert cannot write a {type.Name} ({property.DeclaringType.DisplayName()}.{property.Name}) to SQLite; add it to SqliteRowBinding.Bind.");
        return Expression.Call(method, statement, position, value);
    }

    static int Bind(sqlite3_stmt statement, int index, long value) => raw.sqlite3_bind_int64(statement, index, value);

    static int Bind(sqlite3_stmt statement, int index, double value) => raw.sqlite3_bind_double(statement, index, value);

    static int Bind(sqlite3_stmt statement, int index, byte[] value) => raw.sqlite3_bind_blob(statement, index, value);

    // Runs once per row of an import: compiled optimized at first call instead of starting as unoptimized code that is
    // replaced mid-import (with TieredPGO off, the optimized code is the same either way).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Bind(sqlite3_stmt statement, int index, string value)
    {
        // An empty span reaches SQLite as a null pointer, which binds NULL, not ''; the string overload keeps ''.
        if (value.Length == 0)
        {
            return raw.sqlite3_bind_text(statement, index, value);
        }
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > 1024)
        {
            return raw.sqlite3_bind_text(statement, index, value);
        }
        Span<byte> utf8 = stackalloc byte[most];
        var length = Encoding.UTF8.GetBytes(value, utf8);
        return raw.sqlite3_bind_text(statement, index, utf8[..length]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Bind(sqlite3_stmt statement, int index, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        value.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            // EF Core on SQLite writes GUIDs upper-case; a lower-case one would not match its own queries.
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }
        return raw.sqlite3_bind_text(statement, index, text);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static int Bind(sqlite3_stmt statement, int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[32];
        value.TryFormat(text, out var length, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(statement, index, text[..length]);
    }

    static int Bind(sqlite3_stmt statement, int index, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[40];
        value.TryFormat(text, out var length, "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(statement, index, text[..length]);
    }
}
