using System.Text;
using Evacuation.Fakes;
using Evacuation.Host.Telegram;
using Evacuation.Host.Twilio;
using static Evacuation.Host.Tests.BadInput.Hostile;

namespace Evacuation.Host.Tests.BadInput;

/// <summary>
/// Hostile requests to every endpoint that takes input: malformed and oversized JSON, CSV and forms, Telegram
/// updates, unicode edge cases (right-to-left marks, zero-width joiners, surrogate pairs cut in half, 10,000
/// combining marks), huge numbers, hostile ids and query strings.
/// </summary>
public static class Corpus
{
    public const string TelegramSecret = "webhook-secret-0123456789abcdef-0123456789";

    static readonly string[] Ids = ["not-an-id", "..%2F..%2Fappsettings.json", HugeInteger, "%E2%80%AE", new string('a', 5_000), "00000000-0000-0000-0000-000000000000"];

    public static IEnumerable<Probe> All(string twilioToken, string crossingId) =>
        JsonBodies(crossingId).Concat(Fields()).Concat(Imports()).Concat(Queries()).Concat(RouteIds(crossingId))
            .Concat(TelegramUpdates()).Concat(TwilioForms(twilioToken)).Concat(CheckInPages());

    static IEnumerable<Probe> JsonBodies(string crossingId)
    {
        var endpoints = new (string Endpoint, HttpMethod Method, string Path)[]
        {
            ("POST /api/citizens/", HttpMethod.Post, "/api/citizens"),
            ("POST /api/broadcasts/", HttpMethod.Post, "/api/broadcasts"),
            ("POST /api/sandbox/replies", HttpMethod.Post, "/api/sandbox/replies"),
            ("PUT /api/crossings/{id}", HttpMethod.Put, "/api/crossings/" + crossingId),
            ("POST /api/keys/", HttpMethod.Post, "/api/keys"),
        };
        foreach (var (endpoint, method, path) in endpoints)
        {
            foreach (var (label, _) in BrokenJson())
            {
                // A fresh body for each send: content is read once.
                yield return new(endpoint, label, method, path, () => BrokenJson().Single(b => b.Label == label).Content, Expect.Refused);
            }
        }
    }

    /// <summary>Well-formed JSON with values no field should take, and odd texts a field may.</summary>
    static IEnumerable<Probe> Fields()
    {
        Probe Citizen(string label, string json, Expect expect = Expect.Refused) =>
            new("POST /api/citizens/", label, HttpMethod.Post, "/api/citizens", () => Json(json), expect);
        yield return Citizen("name with half a surrogate pair", $$"""{"name":"A{{HalfSurrogateJson}}","phone":"+380501110001"}""");
        yield return Citizen("name of 10,000 combining marks", $$"""{"name":"{{CombiningMarks}}","phone":"+380501110002"}""");
        yield return Citizen("huge phone", $$"""{"name":"A","phone":"{{HugeInteger}}"}""");
        yield return Citizen("household size beyond double", $$"""{"name":"A","phone":"+380501110003","householdSize":{{HugeExponent}}}""");
        yield return Citizen("household size beyond long", $$"""{"name":"A","phone":"+380501110004","householdSize":{{HugeInteger}}}""");
        yield return Citizen("negative household", """{"name":"A","phone":"+380501110005","householdSize":-5}""");
        yield return Citizen("chat id beyond long", $$"""{"name":"A","telegramChatId":{{HugeInteger}}}""");
        yield return Citizen("chat id NaN", """{"name":"A","telegramChatId":"NaN"}""");
        yield return Citizen("region of 10,000 combining marks", $$"""{"name":"A","phone":"+380501110006","region":"{{CombiningMarks}}"}""", Expect.NoServerError);
        yield return Citizen("right-to-left and zero-width name", $$"""{"name":"{{RightToLeft}} {{ZeroWidthJoined}}","phone":"+380501110007"}""", Expect.NoServerError);
        yield return Citizen("nul in the name", """{"name":"A\u0000B","phone":"+380501110008"}""", Expect.NoServerError);

        Probe Drill(string label, string json) =>
            new("POST /api/drills/", label, HttpMethod.Post, "/api/drills", () => Json(json), Expect.NoServerError);
        yield return Drill("citizens beyond int", $$"""{"citizens":{{HugeInteger}}}""");
        yield return Drill("minutes beyond double", $$"""{"minutes":{{HugeExponent}}}""");
        yield return Drill("negative citizens", """{"citizens":-5,"minutes":-1}""");
        yield return Drill("not an object", "[1,2,3]");

        Probe Broadcast(string label, string json, Expect expect = Expect.Refused) =>
            new("POST /api/broadcasts/", label, HttpMethod.Post, "/api/broadcasts", () => Json(json), expect);
        yield return Broadcast("unknown kind", """{"kind":"Advisory\u0000","dryRun":true}""");
        yield return Broadcast("status beyond double", $$"""{"kind":"Advisory","audience":{"statuses":[{{HugeExponent}}]},"dryRun":true}""");
        yield return Broadcast("impossible sendAt", """{"kind":"Advisory","sendAt":"9999-99-99T99:99:99Z"}""");
        yield return Broadcast("sendAt at the end of time", """{"kind":"Advisory","sendAt":"+275760-09-13T00:00:00Z"}""");
        yield return Broadcast("dryRun maybe", """{"kind":"Advisory","dryRun":"maybe"}""");
        yield return Broadcast("text with half a surrogate pair", $$"""{"kind":"Custom","text":{"en":"x{{HalfSurrogateJson}}"},"dryRun":true}""");
        yield return Broadcast("text of 10,000 combining marks", $$"""{"kind":"Custom","text":{"en":"{{CombiningMarks}}"},"dryRun":true}""", Expect.NoServerError);
        yield return Broadcast("language nobody speaks", $$"""{"kind":"Custom","text":{"{{RightToLeft}}":"x"},"dryRun":true}""");

        Probe Sandbox(string label, string json) =>
            new("POST /api/sandbox/replies", label, HttpMethod.Post, "/api/sandbox/replies", () => Json(json), Expect.Refused);
        yield return Sandbox("citizen id not a guid", """{"citizenId":"x","channel":"Sms","text":"1"}""");
        yield return Sandbox("channel pigeon", """{"citizenId":"00000000-0000-0000-0000-000000000001","channel":"Pigeon","text":"1"}""");
        yield return Sandbox("text with half a surrogate pair", $$"""{"citizenId":"00000000-0000-0000-0000-000000000001","channel":"Sms","text":"{{HalfSurrogateJson}}"}""");

        Probe Key(string label, string json) => new("POST /api/keys/", label, HttpMethod.Post, "/api/keys", () => Json(json), Expect.Refused);
        yield return Key("name of 10,000 combining marks", $$"""{"name":"{{CombiningMarks}}","role":"Viewer"}""");
        yield return Key("role god", """{"name":"screen","role":"God"}""");
        yield return Key("role as a huge number", $$"""{"name":"screen","role":{{HugeInteger}}}""");
    }

    static IEnumerable<Probe> Imports()
    {
        Probe Import(string label, Func<HttpContent> content, Expect expect) =>
            new("POST /api/citizens/import", label, HttpMethod.Post, "/api/citizens/import", content, expect);
        const string header = "externalId,name,phone,telegramChatId,language,region,householdSize\n";
        yield return Import("empty file", () => Csv(""), Expect.Refused);
        yield return Import("noise", () => new ByteArrayContent(Noise(100_000)) { Headers = { ContentType = new("text/csv") } }, Expect.Refused);
        yield return Import("header of strangers", () => Csv("a,b,c\n1,2,3\n"), Expect.Refused);
        yield return Import("10,000 columns", () => Csv(string.Join(',', Enumerable.Range(0, 10_000).Select(i => "c" + i)) + "\n"), Expect.Refused);
        yield return Import("JSON sent as a file", () => Json("{}"), Expect.Refused);
        yield return Import("quote never closed", () => Csv(header + "X1,\"never closed,+380501110009,,en,Lviv,1\n" + new string('x', 100_000)), Expect.NoServerError);
        yield return Import("a 3 MB line", () => Csv(header + "X2," + new string('n', 3 * 1024 * 1024) + ",+380501110010,,en,Lviv,1\n"), Expect.NoServerError);
        yield return Import("rows not UTF-8", () => new ByteArrayContent([.. Encoding.UTF8.GetBytes(header), .. NotUtf8, (byte)'\n']) { Headers = { ContentType = new("text/csv") } }, Expect.NoServerError);
        yield return Import("huge numbers and broken text", () => Csv(header
            + $"X3,A,{HugeInteger},{HugeInteger},en,Lviv,{HugeInteger}\n"
            + $"X4,{CombiningMarks},+380501110011,,en,Lviv,{HugeExponent}\n"
            + $"X5,{RightToLeft}{ZeroWidthJoined},+380501110012,,he,{RightToLeft},1\n"), Expect.NoServerError);
    }

    static IEnumerable<Probe> Queries()
    {
        Probe Get(string endpoint, string label, string path) => new(endpoint, label, HttpMethod.Get, path, () => null, Expect.Refused);
        foreach (var (label, query) in new[] { ("huge page", "page=" + HugeInteger), ("negative page", "page=-1"), ("page past a million", "page=2147483647"), ("pageSize 0", "pageSize=0") })
        {
            yield return Get("GET /api/citizens/", label, "/api/citizens?" + query);
            yield return Get("GET /api/cases/", label, "/api/cases?" + query);
            yield return Get("GET /api/replies", label, "/api/replies?" + query);
        }
        yield return Get("GET /api/citizens/", "status nul", "/api/citizens?status=%00");
        yield return Get("GET /api/citizens/", "channel pigeon", "/api/citizens?channel=pigeon");
        yield return new("GET /api/citizens/", "region of 10,000 marks", HttpMethod.Get, "/api/citizens?region=" + Uri.EscapeDataString(CombiningMarks), () => null, Expect.NoServerError);
        yield return Get("GET /api/broadcasts/", "huge limit", "/api/broadcasts?limit=" + HugeInteger);
        yield return Get("GET /api/broadcasts/", "unknown state", "/api/broadcasts?state=%E2%80%AE");
        yield return Get("GET /api/broadcasts/", "unknown origin", "/api/broadcasts?origin=%E2%80%AEall");
        yield return Get("GET /api/cases/", "unknown state", "/api/cases?state=" + Uri.EscapeDataString(RightToLeft));
        yield return Get("GET /api/replies", "unhandled maybe", "/api/replies?unhandled=maybe");
    }

    static IEnumerable<Probe> RouteIds(string crossingId)
    {
        foreach (var id in Ids)
        {
            var label = "id " + (id.Length > 40 ? id[..10] + "... (" + id.Length + ")" : id);
            Probe Call(string endpoint, HttpMethod method, string path, Func<HttpContent?>? body = null) => new(endpoint, label, method, path, body ?? (() => null), Expect.Refused);
            yield return Call("GET /api/citizens/{id}", HttpMethod.Get, "/api/citizens/" + id);
            yield return Call("POST /api/citizens/{id}/invite", HttpMethod.Post, $"/api/citizens/{id}/invite");
            yield return Call("POST /api/citizens/{id}/check-in-link", HttpMethod.Post, $"/api/citizens/{id}/check-in-link");
            yield return Call("DELETE /api/citizens/{id}/check-in-link", HttpMethod.Delete, $"/api/citizens/{id}/check-in-link");
            yield return Call("GET /api/broadcasts/{id}", HttpMethod.Get, "/api/broadcasts/" + id);
            yield return Call("POST /api/broadcasts/{id}/cancel", HttpMethod.Post, $"/api/broadcasts/{id}/cancel");
            yield return Call("POST /api/broadcasts/{id}/approve", HttpMethod.Post, $"/api/broadcasts/{id}/approve");
            yield return Call("POST /api/broadcasts/{id}/reject", HttpMethod.Post, $"/api/broadcasts/{id}/reject", () => Json("""{"reason":"x"}"""));
            yield return Call("GET /api/cases/{id}", HttpMethod.Get, "/api/cases/" + id);
            yield return Call("POST /api/cases/{id}/assign", HttpMethod.Post, $"/api/cases/{id}/assign", () => Json("""{"takeOver":"yes"}"""));
            yield return Call("POST /api/cases/{id}/note", HttpMethod.Post, $"/api/cases/{id}/note", () => Json($$"""{"note":"{{CombiningMarks}}"}"""));
            yield return Call("POST /api/cases/{id}/resolve", HttpMethod.Post, $"/api/cases/{id}/resolve", () => Json("""{"note":""}"""));
            yield return Call("GET /api/crossings/{id}", HttpMethod.Get, "/api/crossings/" + id);
            yield return Call("PUT /api/crossings/{id}", HttpMethod.Put, "/api/crossings/" + id, () => Json("""{"status":"Closed"}"""));
            yield return Call("DELETE /api/keys/{id}", HttpMethod.Delete, "/api/keys/" + id);
            yield return Call("GET /dashboard/{file}", HttpMethod.Get, "/dashboard/" + id);
        }
        yield return new("PUT /api/crossings/{id}", "status exploded", HttpMethod.Put, "/api/crossings/" + crossingId, () => Json("""{"status":"Exploded"}"""), Expect.Refused);
        yield return new("PUT /api/crossings/{id}", "notes of 10,000 marks", HttpMethod.Put, "/api/crossings/" + crossingId, () => Json($$"""{"status":"Open","notes":"{{CombiningMarks}}"}"""), Expect.NoServerError);
    }

    static IEnumerable<Probe> TelegramUpdates()
    {
        Probe Update(string label, Func<HttpContent> body, Expect expect = Expect.Refused) =>
            new("POST /webhooks/telegram", label, HttpMethod.Post, TelegramEndpoints.WebhookPath, body, expect)
            {
                Headers = new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = TelegramSecret },
            };
        foreach (var (label, _) in BrokenJson())
        {
            yield return Update(label, () => BrokenJson().Single(b => b.Label == label).Content,
                // An update over 1 MB is refused as too large; the rest are not updates.
                Expect.Refused);
        }
        string Message(string text, string chat = "424242", string updateId = "1") =>
            $$$"""{"update_id":{{{updateId}}},"message":{"message_id":1,"date":1764000000,"chat":{"id":{{{chat}}},"type":"private"},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"A"},"text":"{{{text}}}"}}""";
        yield return Update("update id beyond long", () => Json(Message("1", updateId: HugeInteger)));
        yield return Update("chat id beyond double", () => Json(Message("1", chat: HugeExponent)));
        yield return Update("text with half a surrogate pair", () => Json(Message("x" + HalfSurrogateJson, updateId: "2")), Expect.NoServerError);
        yield return Update("text of 10,000 combining marks", () => Json(Message(CombiningMarks, updateId: "3")), Expect.NoServerError);
        yield return Update("right-to-left and zero-width text", () => Json(Message(RightToLeft + ZeroWidthJoined, updateId: "4")), Expect.NoServerError);
    }

    static IEnumerable<Probe> TwilioForms(string token)
    {
        Probe Signed(string endpoint, string path, string label, List<KeyValuePair<string, string>> form, Expect expect) =>
            new(endpoint, label, HttpMethod.Post, path, () => new FormUrlEncodedContent(form), expect)
            {
                Headers = new Dictionary<string, string> { ["X-Twilio-Signature"] = FakeTwilioServer.Sign(token, Providers.PublicBaseUrl + path, form) },
            };
        Probe Sms(string label, List<KeyValuePair<string, string>> form, Expect expect = Expect.NoServerError) =>
            Signed("POST /webhooks/twilio/sms", TwilioEndpoints.InboundSmsPath, label, form, expect);
        yield return Sms("no From", [new("MessageSid", "SM1"), new("Body", "1")], Expect.Refused);
        yield return Sms("huge From", Twilio.InboundSmsTests.Inbound("SM2", HugeInteger + HugeInteger, "1"));
        yield return Sms("MessageSid of 10,000 characters", Twilio.InboundSmsTests.Inbound(new string('S', 10_000), "+380501110013", "1"));
        yield return Sms("body of 10,000 combining marks", Twilio.InboundSmsTests.Inbound("SM3", "+380501110014", CombiningMarks));
        yield return Sms("right-to-left and zero-width body", Twilio.InboundSmsTests.Inbound("SM4", "+380501110015", RightToLeft + ZeroWidthJoined));
        yield return Sms("body with half a surrogate pair", Twilio.InboundSmsTests.Inbound("SM5", "+380501110016", "x\uD83D"));
        yield return new("POST /webhooks/twilio/sms", "half a surrogate, raw", HttpMethod.Post, TwilioEndpoints.InboundSmsPath,
            () => new StringContent("MessageSid=SM6&From=%2B380501110017&Body=" + HalfSurrogateForm, Encoding.ASCII, "application/x-www-form-urlencoded"), Expect.Refused);
        yield return new("POST /webhooks/twilio/sms", "broken percent-encoding", HttpMethod.Post, TwilioEndpoints.InboundSmsPath,
            () => new StringContent("%%%=&&&=%G0", Encoding.ASCII, "application/x-www-form-urlencoded"), Expect.Refused);
        Probe Status(string label, List<KeyValuePair<string, string>> form, string query = "") =>
            Signed("POST /webhooks/twilio/status", Evacuation.Channels.Twilio.TwilioChannel.StatusCallbackPath + query, label, form, Expect.NoServerError);
        yield return Status("status exploded", [new("MessageSid", "SM7"), new("MessageStatus", "exploded")]);
        yield return Status("error code beyond long", [new("MessageSid", "SM8"), new("MessageStatus", "failed"), new("ErrorCode", HugeInteger)]);
        yield return Status("deliveryId not a guid", [new("MessageSid", "SM9"), new("MessageStatus", "delivered")], "?deliveryId=" + Uri.EscapeDataString(RightToLeft));
        yield return Status("nothing at all", [], "");
    }

    /// <summary>
    /// A citizen's page with links nobody was given, and forms no page wrote: the plain 404 page, whatever the body
    /// (a real link with forged forms is in CheckIn/CheckInBadInputTests); one unknown token is well formed, the others not.
    /// </summary>
    static IEnumerable<Probe> CheckInPages()
    {
        foreach (var id in Ids.Concat(["0123456789abcdef0123456789abcdef", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0", "0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef0123456789abcde\u202E"]))
        {
            var label = "token " + (id.Length > 40 ? id[..10] + "... (" + id.Length + ")" : id);
            yield return new("GET /c/{token}", label, HttpMethod.Get, "/c/" + id, () => null, Expect.RefusedPage);
            yield return new("POST /c/{token}", label, HttpMethod.Post, "/c/" + id,
                () => new FormUrlEncodedContent([new("form", "x"), new("press", "left")]), Expect.RefusedPage);
        }
        Probe Post(string label, Func<HttpContent> body) =>
            new("POST /c/{token}", label, HttpMethod.Post, "/c/0123456789abcdef0123456789abcdef", body, Expect.RefusedPage);
        yield return Post("noise", () => new ByteArrayContent(Noise(100_000)) { Headers = { ContentType = new("application/x-www-form-urlencoded") } });
        yield return Post("JSON", () => Json("""{"press":"left"}"""));
        yield return Post("half a surrogate, raw", () => new StringContent("form=x&press=" + HalfSurrogateForm, Encoding.ASCII, "application/x-www-form-urlencoded"));
        yield return Post("10,000 fields", () => new StringContent(string.Join('&', Enumerable.Range(0, 10_000).Select(i => $"f{i}=1")), Encoding.ASCII, "application/x-www-form-urlencoded"));
        yield return Post("broken percent-encoding", () => new StringContent("%%%=&&&=%G0", Encoding.ASCII, "application/x-www-form-urlencoded"));
    }
}
