using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Data;

namespace Evacuation.Host.Tests.Operators;

/// <summary>A Viewer key is a wall screen: it sees that a citizen has a phone, not the number, and no chat id.</summary>
public sealed class PersonalDataTests
{
    [Fact]
    public async Task Viewers_see_phones_masked_to_the_last_three_digits_and_no_chat_ids_where_operators_see_them_whole()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var created = await app.Operator().PostCitizenAsync(new { name = "Olena", phone = "+380501234567", telegramChatId = 777000111 });
        var id = created.GetProperty("id").GetString();

        var viewerList = await app.Viewer().GetFromJsonAsync<JsonElement>("/api/citizens");
        var viewerOne = viewerList.GetProperty("items")[0];
        Assert.Equal("+*********567", viewerOne.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, viewerOne.GetProperty("telegramChatId").ValueKind);
        var viewerDetail = await app.Viewer().GetFromJsonAsync<JsonElement>($"/api/citizens/{id}");
        Assert.Equal("+*********567", viewerDetail.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, viewerDetail.GetProperty("telegramChatId").ValueKind);
        Assert.DoesNotContain("1234567", (await app.Viewer().GetStringAsync($"/api/citizens/{id}")).Replace("+*********567", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("777000111", await app.Viewer().GetStringAsync("/api/citizens"), StringComparison.Ordinal);

        var operatorDetail = await app.Operator().GetFromJsonAsync<JsonElement>($"/api/citizens/{id}");
        Assert.Equal("+380501234567", operatorDetail.GetProperty("phone").GetString());
        Assert.Equal("777000111", operatorDetail.GetProperty("telegramChatId").GetString());
    }

    [Fact]
    public async Task Viewers_see_the_sender_of_a_reply_masked()
    {
        await using var app = await EvacuationApp.StartAsync(StorageProvider.Sqlite);
        var created = await app.Operator().PostCitizenAsync(new { name = "Olena", phone = "+380501234567", telegramChatId = 777000111 });
        var id = created.GetProperty("id").GetString();
        (await app.Operator().PostAsJsonAsync("/api/sandbox/replies", new { citizenId = id, channel = "Sms", text = "hello?" })).EnsureSuccessStatusCode();
        (await app.Operator().PostAsJsonAsync("/api/sandbox/replies", new { citizenId = id, channel = "Telegram", text = "hello?" })).EnsureSuccessStatusCode();

        var viewer = await app.Viewer().GetStringAsync("/api/replies");
        Assert.Contains("\"from\":\"+*********567\"", viewer);
        Assert.DoesNotContain("1234567", viewer.Replace("+*********567", ""), StringComparison.Ordinal);
        Assert.DoesNotContain("777000111", viewer, StringComparison.Ordinal);
        var whole = await app.Operator().GetStringAsync("/api/replies");
        Assert.Contains("\"from\":\"+380501234567\"", whole);
        Assert.Contains("\"from\":\"777000111\"", whole);
    }
}
