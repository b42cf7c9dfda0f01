using System.Net.Http.Json;
using System.Text.Json;
using Evacuation.Core.Citizens;
using Evacuation.Core.Routes;
using Evacuation.Data;
using Evacuation.Fakes;
using Evacuation.Testing;

namespace Evacuation.Host.Tests.Broadcasts;

/// <summary>The estimate is what will be billed: it renders the audience's real messages, and Twilio's count agrees.</summary>
public sealed class SmsEstimateTests
{
    public static TheoryData<StorageProvider, string, string?, bool> Broadcasts()
    {
        var data = new TheoryData<StorageProvider, string, string?, bool>();
        foreach (var provider in new[] { StorageProvider.Sqlite, StorageProvider.Postgres })
        {
            data.Add(provider, "Advisory", null, false);
            data.Add(provider, "RouteInstructions", null, false);
            data.Add(provider, "Advisory", "{name}, leave now via the {crossing} crossing. {crossingDirections}", false);
            // With Web:PublicBaseUrl set, the built-in messages end with each citizen's check-in link.
            data.Add(provider, "Advisory", null, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Broadcasts))]
    public async Task The_estimate_equals_what_Twilio_counts_in_every_language_for_a_real_audience(StorageProvider provider, string kind, string? englishText, bool checkInLinks)
    {
        await using var twilio = await FakeTwilioServer.StartAsync();
        var settings = Providers.LiveAgainst(null, twilio);
        settings["Messages:SenderName"] = "Embassy of Israel";
        settings["Messages:SenderNames:he"] = "שגרירות ישראל";
        settings["Messages:Hotline"] = "+972 3 555 0100";
        if (checkInLinks)
        {
            settings["Web:PublicBaseUrl"] = Providers.PublicBaseUrl;
        }
        await using var app = await EvacuationApp.StartAsync(provider, settings);
        var file = CrossingsFile.Load(CrossingsFile.ShippedPath);
        var places = new CrossingAssignment(file);
        var regions = file.Regions.Regions;
        var citizens = await app.AddCitizensAsync(60, telegram: false, shape: (citizen, n) =>
        {
            // Every language; regions all over the country; some shared locations, some unknown regions, some
            // without a crossing, and names of every length.
            citizen.Region = n % 13 == 0 ? "Atlantis" : regions[n * 7 % regions.Count].Name;
            citizen.Name = new string('x', n % 9) + " Kovalenko-Shevchenko";
            if (n % 5 == 0)
            {
                citizen.Latitude = 48.3 + (n * 0.04);
                citizen.Longitude = 23 + (n * 0.12);
            }
            citizen.AssignedCrossing = n % 11 == 0 ? null : places.ChooseFor(citizen)?.Id;
        });
        object request = englishText is null
            ? new { kind, channels = "Sms" }
            : new { kind, channels = "Sms", text = new Dictionary<string, string> { ["en"] = englishText } };

        var dryRun = await (await app.Operator().PostAsJsonAsync("/api/broadcasts", Merge(request, dryRun: true))).ReadJsonAsync();
        var id = await app.BroadcastAsync(request);
        await app.UntilStateAsync(id, "Completed");

        var languageOf = citizens.ToDictionary(c => c.Phone!, c => c.Language);
        var counted = twilio.Requests.GroupBy(r => languageOf[r.To!]).ToDictionary(g => g.Key, g => g.Sum(r => r.Segments));
        var estimate = dryRun.GetProperty("estimate");
        Assert.Equal(60, twilio.Requests.Count);
        var tokenOf = citizens.ToDictionary(c => c.Phone!, c => c.CheckInToken);
        Assert.All(twilio.Requests, r => Assert.Equal(checkInLinks, r.Body!.EndsWith($"{Providers.PublicBaseUrl}/c/{tokenOf[r.To!]}", StringComparison.Ordinal)));
        // Not one text for all: within a language, messages differ in length, as they do in the field.
        Assert.Contains(twilio.Requests.GroupBy(r => languageOf[r.To!]), g => g.Select(r => r.Segments).Distinct().Count() > 1);
        Assert.Equal(counted.Values.Sum(), estimate.GetProperty("totalSmsSegments").GetInt64());
        foreach (var line in estimate.GetProperty("sms").EnumerateArray())
        {
            var language = line.GetProperty("language").GetString()!;
            Assert.True(counted[language] == line.GetProperty("totalSegments").GetInt64(), $"{language}: estimated {line}, Twilio counted {counted[language]}");
            Assert.Equal(twilio.Requests.Where(r => languageOf[r.To!] == language).Max(r => r.Segments), line.GetProperty("segments").GetInt32());
            Assert.Equal(language == Language.English ? "GSM-7" : "UCS-2", line.GetProperty("encoding").GetString());
        }
        Assert.Equal(Language.All.Order(), estimate.GetProperty("sms").EnumerateArray().Select(l => l.GetProperty("language").GetString()).Order());
    }

    static Dictionary<string, object?> Merge(object request, bool dryRun)
    {
        var fields = JsonSerializer.SerializeToElement(request).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["dryRun"] = dryRun;
        return fields;
    }
}
