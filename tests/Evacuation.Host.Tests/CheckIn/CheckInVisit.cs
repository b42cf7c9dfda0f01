using System.Net;
using System.Text.RegularExpressions;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace Evacuation.Host.Tests.CheckIn;

/// <summary>A citizen's phone on their check-in page, over HTTP: what it was shown, and the form it can post.</summary>
public sealed partial class CheckInVisit(HttpClient client, string path, string html, HttpStatusCode status)
{
    public HttpStatusCode Status => status;

    public string Html => html;

    /// <summary>The hidden form token of the page as rendered.</summary>
    public string Form => FormField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no form on the page: " + html);

    public string Path => path;

    public static async Task<CheckInVisit> OpenAsync(HttpClient client, string token)
    {
        var path = "/c/" + token;
        var response = await client.GetAsync(path);
        return new CheckInVisit(client, path, await response.Content.ReadAsStringAsync(), response.StatusCode);
    }

    /// <summary>Presses a button of this page (or posts any fields); the page that comes back is the next visit.</summary>
    public async Task<CheckInVisit> PostAsync(params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))) };
        var response = await client.SendAsync(request);
        return new CheckInVisit(client, path, await response.Content.ReadAsStringAsync(), response.StatusCode);
    }

    public Task<CheckInVisit> PressAsync(int code) => PostAsync(("form", Form), ("press", code.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The text of the element with <paramref name="testId"/>, tags stripped; null when absent.</summary>
    public string? Text(string testId)
    {
        var m = Regex.Match(html, $"data-testid=\"{testId}\">(.*?)</(p|section)>", RegexOptions.Singleline);
        return m.Success ? WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")) : null;
    }

    [GeneratedRegex("name=\"form\" value=\"([^\"]+)\"")]
    private static partial Regex FormField();
}

static class CheckInData
{
    public static Task<List<Reply>> WebRepliesAsync(this EvacuationApp app) =>
        app.WithDbAsync(db => db.Replies.AsNoTracking().Where(r => r.Channel == Core.Channels.ChannelKind.Web).OrderBy(r => r.Id).ToListAsync());

    public static Task<Citizen> CitizenAsync(this EvacuationApp app, Guid id) =>
        app.WithDbAsync(db => db.Citizens.AsNoTracking().SingleAsync(c => c.Id == id));

    public static Task<List<CitizenEvent>> EventsAsync(this EvacuationApp app, Guid id) =>
        app.WithDbAsync(db => db.CitizenEvents.AsNoTracking().Where(e => e.CitizenId == id).OrderBy(e => e.Id).ToListAsync());
}
