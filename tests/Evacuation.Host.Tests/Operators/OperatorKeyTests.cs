using System.Net;
using Evacuation.Data;
using Evacuation.Testing;

namespace Evacuation.Host.Tests.Operators;

public sealed class OperatorKeyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Health_needs_no_key_and_answers_200_when_the_database_is_up(StorageProvider provider)
    {
        await using var app = await EvacuationApp.StartAsync(provider);
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_key_is_401_with_a_problem_that_says_how_to_sign_in()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.CreateClient().GetAsync("/api/stats");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Authorization: Bearer", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_key_is_401()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var response = await app.ClientWithKey("not-a-key-we-know-0123456789abcdef-0000").GetAsync("/api/stats");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_may_also_come_in_the_X_Api_Key_header()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", EvacuationApp.ViewerKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stats")).StatusCode);
    }

    [Fact]
    public async Task A_viewer_reads_but_may_not_add_citizens()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var viewer = app.Viewer();
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/citizens")).StatusCode);
        var response = await viewer.PostAsync("/api/citizens", Some.Json("""{"name":"A","phone":"+380501234567"}"""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Viewer", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        var import = await viewer.PostAsync("/api/citizens/import", Some.Csv(Some.CsvHeader + "\n1,A,+380501234567,,,,\n"));
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
    }
}
