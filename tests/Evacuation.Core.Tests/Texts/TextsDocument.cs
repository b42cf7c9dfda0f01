using System.Text;
using Evacuation.Core.Broadcasts;
using Evacuation.Core.Citizens;
using Evacuation.Core.Replies;
using Evacuation.Core.Routes;
using Evacuation.Core.Texts;

namespace Evacuation.Core.Tests.Texts;

/// <summary>docs/texts.md: every text in every language, as citizens read it, for a native speaker to review in one sitting.</summary>
public static class TextsDocument
{
    static readonly string[] Names = ["English", "Hebrew", "Russian", "Ukrainian"];

    public static string Write()
    {
        var md = new StringBuilder();
        md.AppendLine("# What citizens read, in each language");
        md.AppendLine();
        md.AppendLine("Every text the service writes to citizens, for review by a native speaker of each language. The texts live in one");
        md.AppendLine("file per language (`src/Evacuation.Core/Texts/EnglishWording.cs`, `HebrewWording.cs`, `RussianWording.cs`,");
        md.AppendLine("`UkrainianWording.cs`); crossing names, crossing advice and region centres in `src/Evacuation.Core/Routes/crossings.json`.");
        md.AppendLine("This page is generated from them by `tests/Evacuation.Core.Tests/Texts/TextsDocument.cs`, and a test fails when it");
        md.AppendLine("is out of date: after changing a text, run");
        md.AppendLine("`EVAC_WRITE_TEXTS=1 dotnet test --project tests/Evacuation.Core.Tests -- --filter-class \"*TextsDocumentTests\"`.");
        md.AppendLine();
        md.AppendLine($"Examples are written as the service would send them: sender `Messages:SenderName` = \"{EveryText.Sender}\",");
        md.AppendLine($"hotline `Messages:Hotline` = \"{EveryText.Hotline}\" (added only where the example says so), at {KyivTime.Format(EveryText.At)} Kyiv time, to a");
        md.AppendLine("citizen of Lviv whose crossing is Shehyni-Medyka. Hebrew messages start with an invisible right-to-left mark.");
        md.AppendLine();
        foreach (var (wording, name) in Wordings.All.Zip(Names))
        {
            Section(md, wording, name);
        }
        Places(md);
        return md.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    static void Section(StringBuilder md, Wording w, string name)
    {
        md.AppendLine($"## {name} ({w.Language})");
        md.AppendLine();
        md.AppendLine("### Reply codes");
        md.AppendLine();
        Item(md, "The line every message ends with", w.ReplyCodeLine);
        Item(md, "Telegram buttons", string.Join(" | ", Enumerable.Range(1, 4).Select(w.ButtonLabel)));
        md.AppendLine("### Messages");
        md.AppendLine();
        File().TryFindCrossing("shehyni-medyka", out var shehyni);
        File().Regions.TryFind("Lviv", out var lviv);
        var origin = new Origin(new GeoPoint(lviv.Latitude, lviv.Longitude), lviv);
        var values = EveryText.ValuesFor(shehyni, origin, w.Language, EveryText.Signed with { Hotline = "" });
        var none = new MessageValues(w.Language) { Signature = values.Signature, At = EveryText.At };
        foreach (var template in Enum.GetValues<BuiltInTemplate>())
        {
            Item(md, $"{template}, with a crossing", BuiltInTemplates.Render(template, values));
            Item(md, $"{template}, no crossing known", BuiltInTemplates.Render(template, none));
        }
        Item(md, "Advisory, with a hotline", BuiltInTemplates.Render(BuiltInTemplate.Advisory, values with { Signature = EveryText.Signed }));
        var krakovets = File().Crossings.Single(c => c.Id == "krakovets-korczowa");
        krakovets.Status = CrossingStatus.Closed;
        Item(md, "Route changed: a crossing closed", BroadcastText.Compose(BroadcastKind.RouteInstructions, BuiltInTemplates.RouteChanged(krakovets)[w.Language], values));
        krakovets.Status = CrossingStatus.Congested;
        Item(md, "Route changed: a crossing jammed", BroadcastText.Compose(BroadcastKind.RouteInstructions, BuiltInTemplates.RouteChanged(krakovets)[w.Language], values));
        Item(md, "Every crossing closed", WaitForInstructions.Text(w.Language, EveryText.Signed, EveryText.At));
        md.AppendLine("### Answers to replies");
        md.AppendLine();
        foreach (var text in EveryText.Fixed(w).Where(t => t.Name.StartsWith("answer", StringComparison.Ordinal)))
        {
            Item(md, text.Name["answer: ".Length..], text.Text);
        }
        Item(md, "need help (4), with a hotline", Acknowledgements.For(ReplyMeaning.Of(JourneyStatus.NeedsHelp), w.Language, EveryText.Signed));
        md.AppendLine("### Enrolment, location and invitation");
        md.AppendLine();
        foreach (var text in EveryText.Fixed(w).Where(t => t.Name.StartsWith("enrolment", StringComparison.Ordinal) || t.Name.StartsWith("ROUTE", StringComparison.Ordinal)
            || t.Name.StartsWith("invitation", StringComparison.Ordinal) || t.Name.StartsWith("we never", StringComparison.Ordinal) || t.Name.Contains("button:", StringComparison.Ordinal)
            || t.Name == "language button"))
        {
            Item(md, text.Name, text.Text);
        }
        md.AppendLine("### Check-in page (`/c/{token}`) and the line that links to it");
        md.AppendLine();
        foreach (var text in EveryText.Fixed(w).Where(t => t.Name.StartsWith("check-in", StringComparison.Ordinal)))
        {
            Item(md, text.Name.Replace("check-in page: ", "", StringComparison.Ordinal), text.Text);
        }
        Item(md, "Advisory, with the check-in link (when Web:PublicBaseUrl is set)", BuiltInTemplates.Render(BuiltInTemplate.Advisory,
            values with { Signature = values.Signature with { CheckInBaseUrl = "https://evac.example.org" }, CheckInToken = EveryText.CheckInLink[^32..] }));
        Directions(md, w, shehyni, origin);
    }

    static void Directions(StringBuilder md, Wording w, Crossing shehyni, Origin lviv)
    {
        var d = w.Directions;
        md.AppendLine("### Directions (what follows a crossing's name)");
        md.AppendLine();
        Item(md, "From a location shared in Lviv", RouteDirections.Describe(shehyni, lviv.Point, w.Language));
        Item(md, "From a region's centre", RouteDirections.Describe(shehyni, lviv, w.Language));
        Item(md, "From a region whose centre has no name in this language", d.FromYourRegion(d.InCountries[BorderCountry.Poland], 75, d.CompassPoints[6]));
        Item(md, "Compass points (N, NE, E, SE, S, SW, W, NW)", string.Join(" | ", d.CompassPoints));
        Item(md, "Countries", string.Join(" | ", BorderCountry.All.Select(c => d.Countries[c])));
        Item(md, "In the country", string.Join(" | ", BorderCountry.All.Select(c => d.InCountries[c])));
        Item(md, "Who may cross (said only when not everyone may)", $"{d.VehiclesOnly} | {d.PedestriansOnly}");
        Item(md, "Status", $"{d.Congested} | {d.Closed}");
        Item(md, "As of", w.AsOf(KyivTime.Format(EveryText.At)));
        Item(md, "Hotline", w.Hotline(EveryText.Hotline));
        Item(md, "Sender when Messages:SenderName is not set", w.DefaultSender);
        Item(md, "Nearest crossing, in an operator's template when none is assigned", w.NearestCrossing);
    }

    static void Places(StringBuilder md)
    {
        md.AppendLine("## Crossings (from the crossings file)");
        md.AppendLine();
        md.AppendLine("| id | en | he | ru | uk |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var c in File().Crossings)
        {
            md.AppendLine($"| {c.Id} | {string.Join(" | ", Language.All.Select(l => Cell(c.DisplayName(l), c.Advice.GetValueOrDefault(l))))} |");
        }
        md.AppendLine();
        md.AppendLine("## Region centres (\"of central ...\"; Russian and Ukrainian in the genitive)");
        md.AppendLine();
        md.AppendLine("| region | en | he | ru | uk |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var r in File().Regions.Regions)
        {
            md.AppendLine($"| {r.Name} | {string.Join(" | ", Language.All.Select(l => r.Centre.GetValueOrDefault(l, "")))} |");
        }
    }

    static string Cell(string name, string? advice) => advice is null ? name : $"{name}<br>*{advice}*";

    static void Item(StringBuilder md, string what, string text)
    {
        md.AppendLine($"**{what}**");
        md.AppendLine();
        foreach (var line in text.Split('\n'))
        {
            md.AppendLine($"> {line}  ");
        }
        md.AppendLine();
    }

    static CrossingsFile File() => CrossingsFile.Load(CrossingsFile.ShippedPath);
}
