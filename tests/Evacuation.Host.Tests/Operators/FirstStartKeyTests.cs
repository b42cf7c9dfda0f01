using System.Net;
using Evacuation.Core.Operators;
using Evacuation.Data;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.Operators;

public sealed class FirstStartKeyTests
{
    [Fact]
    public async Task With_no_keys_the_first_start_writes_an_admin_key_to_a_file_only_its_user_reads_and_prints_the_path_never_the_key()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), "evac-tests", Guid.NewGuid().ToString("N"), "first-admin-key.txt");
        var logs = new LogLines();
        var (console, app) = CaptureConsole(() => EvacuationApp.StartOn(database, Keys.None(file), logs.Register));
        await using var _ = app;

        var key = File.ReadAllText(file).Trim();
        Assert.True(key.Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        Assert.Contains(file, console);
        Assert.DoesNotContain(key, console, StringComparison.Ordinal);
        Assert.DoesNotContain(key, logs.All, StringComparison.Ordinal);

        await using var db = database.Open();
        var stored = Assert.Single(db.ApiKeys);
        Assert.Equal(OperatorRole.Admin, stored.Role);
        Assert.Equal(KeySource.FirstStart, stored.Source);
        Assert.DoesNotContain(key, stored.KeyHash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.With(key).GetAsync("/api/stats")).StatusCode);
        File.Delete(file);
    }

    [Fact]
    public async Task The_first_start_key_is_revoked_like_any_other_once_another_admin_key_exists_and_no_new_one_appears_on_restart()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), "evac-tests", Guid.NewGuid().ToString("N"), "key.txt");
        string second;
        await using (var app = EvacuationApp.StartOn(database, Keys.None(file)))
        {
            var first = app.With(File.ReadAllText(file).Trim());
            var firstId = (await first.ListAsync()).Single().GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.Conflict, (await first.DeleteAsync($"/api/keys/{firstId}")).StatusCode);

            (_, second) = await first.CreateAsync("chief", "Admin");
            Assert.Equal(HttpStatusCode.OK, (await app.With(second).DeleteAsync($"/api/keys/{firstId}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/stats")).StatusCode);
        }
        var revoked = File.ReadAllText(file).Trim();
        File.Delete(file);

        await using var restarted = EvacuationApp.StartOn(database, Keys.None(file));
        Assert.False(File.Exists(file));
        Assert.Equal(HttpStatusCode.Unauthorized, (await restarted.With(revoked).GetAsync("/api/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await restarted.With(second).GetAsync("/api/stats")).StatusCode);
    }

    [Fact]
    public async Task Configuring_an_admin_key_revokes_the_first_start_key()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), "evac-tests", Guid.NewGuid().ToString("N"), "key.txt");
        await using (EvacuationApp.StartOn(database, Keys.None(file)))
        {
        }
        var first = File.ReadAllText(file).Trim();
        File.Delete(file);

        await using var configured = EvacuationApp.StartOn(database);
        Assert.Equal(HttpStatusCode.Unauthorized, (await configured.With(first).GetAsync("/api/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await configured.Admin().GetAsync("/api/stats")).StatusCode);
        Assert.False(File.Exists(file));
    }

    /// <summary>
    /// Two nodes started at the same moment on one empty PostgreSQL database make one first-start key between them,
    /// and both accept it.
    /// </summary>
    [Fact]
    public async Task Two_nodes_starting_at_once_on_an_empty_database_make_one_first_start_key()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Postgres);
        var folder = Path.Combine(Path.GetTempPath(), "evac-tests", Guid.NewGuid().ToString("N"));
        var files = new[] { Path.Combine(folder, "a.txt"), Path.Combine(folder, "b.txt") };
        await using var a = EvacuationApp.Prepare(database, Keys.None(files[0]));
        await using var b = EvacuationApp.Prepare(database, Keys.None(files[1]));

        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        var written = Assert.Single(files, File.Exists);
        var key = File.ReadAllText(written).Trim();
        await using var db = database.Open();
        Assert.Equal(1, await db.ApiKeys.CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await a.With(key).GetAsync("/api/stats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.With(key).GetAsync("/api/stats")).StatusCode);
        Directory.Delete(folder, recursive: true);
    }

    static (string Console, T Result) CaptureConsole<T>(Func<T> action)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var result = action();
            return (output.ToString(), result);
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
