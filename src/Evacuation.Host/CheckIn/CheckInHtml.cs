using System.Net;
using System.Text;
using Evacuation.Core.CheckIn;
using Evacuation.Core.Texts;

namespace Evacuation.Host.CheckIn;

/// <summary>
/// The check-in page as HTML: one small document with its own style and a few lines of script, nothing from other
/// hosts, every button a plain form post so it works without JavaScript. The script only adds "share my location"
/// (browser geolocation), which needs it.
/// </summary>
public static class CheckInHtml
{
    /// <summary>The form that posts both presses and locations: no action, so it posts to the page's own address.</summary>
    public static string Page(CheckInPage page, string formToken, string nonce)
    {
        var w = page.Words;
        var html = new StringBuilder(8 * 1024);
        Head(html, page.Language, page.RightToLeft, w.Title, nonce);
        html.Append("<main><h1>").Append(E(w.Title)).Append("</h1>");
        html.Append("<p data-testid=\"greeting\">").Append(E(page.Greeting)).Append("</p><p class=\"intro\">").Append(E(w.Intro)).Append("</p>");
        Line(html, "ack", "status", "acknowledgement", page.Acknowledgement);
        Line(html, "notice", "alert", "notice", page.Notice);
        Line(html, "muted", null, "opted-out", page.OptedOut ? w.OptedOut : null);
        html.Append("<p data-testid=\"recorded\">").Append(E(w.RecordedHeading)).Append(" <b>").Append(E(page.Recorded)).Append("</b></p>");
        html.Append("<h2>").Append(E(w.AdviceHeading)).Append("</h2><p data-testid=\"advice\">").Append(E(page.Advice)).Append("</p>");
        if (page.Crossing is { } crossing)
        {
            Crossing(html, w, crossing);
        }
        html.Append("<h2>").Append(E(w.ButtonsHeading)).Append("</h2><form method=\"post\" data-testid=\"presses\">");
        html.Append("<input type=\"hidden\" name=\"form\" value=\"").Append(E(formToken)).Append("\">");
        for (var code = 1; code <= page.Buttons.Count; code++)
        {
            html.Append("<button name=\"press\" value=\"").Append(code).Append("\" class=\"b").Append(code).Append("\" data-testid=\"press-").Append(code).Append("\">")
                .Append(E(page.Buttons[code - 1])).Append("</button>");
        }
        html.Append("</form><form method=\"post\" id=\"where\"><input type=\"hidden\" name=\"form\" value=\"").Append(E(formToken)).Append("\">")
            .Append("<input type=\"hidden\" name=\"latitude\"><input type=\"hidden\" name=\"longitude\">")
            .Append("<button type=\"button\" id=\"share\" class=\"share\" hidden>").Append(E(w.ShareLocation)).Append("</button>")
            .Append("<p id=\"where-note\" class=\"muted\" hidden>").Append(E(w.LocationNote)).Append("</p>")
            .Append("<p id=\"where-failed\" class=\"notice\" role=\"alert\" hidden>").Append(E(w.LocationFailed)).Append("</p></form>");
        if (page.Hotline.Length > 0)
        {
            html.Append("<p class=\"muted\" dir=\"auto\">").Append(E(page.Hotline)).Append("</p>");
        }
        html.Append("</main><script nonce=\"").Append(nonce).Append("\">").Append(Script).Append("</script></body></html>");
        return html.ToString();
    }

    /// <summary>The same page for every link that does not work (unknown, mistyped, revoked), in all four languages.</summary>
    public static string NotFound(string nonce) => Plain("404", Wordings.All.Select(w => (w, w.CheckIn.NotFound)), nonce);

    public static string TooMany(string nonce) => Plain("429", Wordings.All.Select(w => (w, w.CheckIn.TooMany)), nonce);

    static string Plain(string title, IEnumerable<(Wording Wording, string Text)> lines, string nonce)
    {
        var html = new StringBuilder(2048);
        Head(html, "en", false, title, nonce);
        html.Append("<main>");
        foreach (var (wording, text) in lines)
        {
            html.Append("<p lang=\"").Append(wording.Language).Append("\" dir=\"").Append(wording.Language == Core.Citizens.Language.Hebrew ? "rtl" : "ltr")
                .Append("\">").Append(E(text)).Append("</p>");
        }
        return html.Append("</main></body></html>").ToString();
    }

    static void Crossing(StringBuilder html, CheckInTexts w, CheckInCrossing crossing)
    {
        html.Append("<h2>").Append(E(w.CrossingHeading)).Append("</h2><section class=\"crossing\" data-testid=\"crossing\">")
            .Append("<p class=\"name\" data-testid=\"crossing-name\">").Append(E(crossing.Name)).Append("</p>")
            .Append("<p data-testid=\"crossing-status\">").Append(E(crossing.Status)).Append("</p>");
        if (crossing.Directions is { } directions)
        {
            html.Append("<p>").Append(E(directions)).Append("</p>");
        }
        // Plain links: the page itself asks nothing of a map service; the citizen's phone opens the map when they tap.
        html.Append("<p><a href=\"").Append(E(crossing.GeoUri)).Append("\" data-testid=\"map-app\">").Append(E(w.OpenInMap)).Append("</a> · ")
            .Append("<a href=\"").Append(E(crossing.MapUrl)).Append("\" rel=\"noreferrer\" dir=\"ltr\">openstreetmap.org</a></p></section>");
    }

    static void Line(StringBuilder html, string css, string? role, string testId, string? text)
    {
        if (text is null)
        {
            return;
        }
        html.Append("<p class=\"").Append(css).Append('"');
        if (role is not null)
        {
            html.Append(" role=\"").Append(role).Append('"');
        }
        html.Append(" data-testid=\"").Append(testId).Append("\">").Append(E(text)).Append("</p>");
    }

    static void Head(StringBuilder html, string language, bool rightToLeft, string title, string nonce) =>
        html.Append("<!doctype html><html lang=\"").Append(language).Append("\" dir=\"").Append(rightToLeft ? "rtl" : "ltr").Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>")
            .Append(E(title)).Append("</title><style nonce=\"").Append(nonce).Append("\">").Append(Style).Append("</style></head><body>");

    static string E(string text) => WebUtility.HtmlEncode(text);

    const string Style =
        "body{margin:0;font:18px/1.45 system-ui,sans-serif;color:#111;background:#fff}main{max-width:34rem;margin:0 auto;padding:1rem}" +
        "h1{font-size:1.4rem;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.2rem 0 .4rem}p{margin:.4rem 0}" +
        ".intro,.muted{color:#444;font-size:.95rem}.ack{background:#e6f4ea;border-inline-start:6px solid #1e7e34;padding:.6rem .8rem;font-weight:600}" +
        ".notice{background:#fdecea;border-inline-start:6px solid #b3261e;padding:.6rem .8rem}.crossing{border:1px solid #ccc;border-radius:8px;padding:.4rem .8rem}" +
        ".name{font-weight:700;font-size:1.15rem}a{color:#0b57d0}" +
        "button{display:block;width:100%;min-height:3.6rem;margin:.6rem 0;border:0;border-radius:10px;font:inherit;font-weight:700;color:#fff;cursor:pointer}" +
        ".b1{background:#1e7e34}.b2{background:#0b57d0}.b3{background:#5f6368}.b4{background:#b3261e}.share{background:#fff;color:#0b57d0;border:2px solid #0b57d0}" +
        "button:focus-visible{outline:4px solid #f9ab00;outline-offset:2px}[hidden]{display:none!important}";

    /// <summary>Progressive enhancement: without geolocation (or without script) the button stays hidden and the rest works.</summary>
    const string Script =
        "(function(){var f=document.getElementById('where'),b=document.getElementById('share'),n=document.getElementById('where-note'),x=document.getElementById('where-failed');" +
        "if(!f||!navigator.geolocation)return;b.hidden=false;n.hidden=false;b.addEventListener('click',function(){b.disabled=true;x.hidden=true;" +
        "navigator.geolocation.getCurrentPosition(function(p){f.latitude.value=p.coords.latitude;f.longitude.value=p.coords.longitude;f.submit();}," +
        "function(){b.disabled=false;x.hidden=false;},{enableHighAccuracy:true,timeout:30000,maximumAge:60000});});})();";
}
