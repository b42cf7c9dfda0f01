using Evacuation.Core.Cases;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Host.Replies;
using Evacuation.Host.Tests.Cases;
using Evacuation.Host.Tests.Twilio;
using Evacuation.Host.Twilio;
using Evacuation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evacuation.Host.Tests.BadInput;

/// <summary>
/// A long call for help whose 200th character is half an emoji: the timeline and the case quote its start, and the
/// cut must not leave half a character, which PostgreSQL refuses (the reply would be set aside, the case never opened).
/// </summary>
public sealed class HalfCharacterTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_call_for_help_cut_inside_an_emoji_still_opens_its_case(StorageProvider provider)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        await using var app = await EvacuationApp.StartAsync(provider, Providers.LiveAgainst(null, twilio));
        var citizen = (await app.AddCitizensAsync(1, telegram: false)).Single();
        var text = "help " + new string('a', 194) + "\U0001F198 we are at the border";
        var form = InboundSmsTests.Inbound("SM" + Guid.NewGuid().ToString("N"), citizen.Phone!, text);
        using var request = new HttpRequestMessage(HttpMethod.Post, TwilioEndpoints.InboundSmsPath) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", FakeTwilioServer.Sign(twilio.AuthToken, Providers.PublicBaseUrl + TwilioEndpoints.InboundSmsPath, form));

        (await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await app.Services.GetRequiredService<ReplyInterpreter>().InterpretPendingAsync(TestContext.Current.CancellationToken);

        var reply = await app.WithDbAsync(db => db.Replies.SingleAsync(TestContext.Current.CancellationToken));
        Assert.False(reply.Unhandled, reply.Meaning);
        var opened = Assert.Single(Assert.Single(await app.StoredCasesAsync()).Notes);
        Assert.Equal(CaseNoteKind.Opened, opened.Kind);
        Assert.EndsWith("aaaa…\"", opened.Text, StringComparison.Ordinal);
    }
}
