using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CivicConnect.Conversation.Engine;

namespace CivicConnect.Server.Features.PublicStatus;

/// <summary>
/// The status page's HTML: status, public history, ward and a map pin, in the citizen's language,
/// with the same words as the chat (the dialog's phrases). Every value is HTML-encoded; the page
/// loads only this origin's Leaflet bundle and <c>status.js</c>.
/// </summary>
internal static class PublicStatusHtml
{
    public static string Render(PublicReport report, Phrasebook phrases, string categoryName, string tileUrl, string attribution)
    {
        var html = HtmlEncoder.Default;
        string E(string text) => html.Encode(text);
        string Status(Data.Entities.IssueStatus status) => phrases.Say("status." + status);
        var title = phrases.Say("page_title", ("reference", report.Reference), ("category", categoryName));
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{E(phrases.Locale)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>{E(title)}</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/lib/leaflet/leaflet.css">
            <link rel="stylesheet" href="/status.css">
            </head>
            <body>
            <main>
            <h1>{E(title)}</h1>
            <p class="status" data-testid="status">{E(phrases.Say("page_status", ("status", Status(report.Status))))}</p>
            <p>{E(phrases.Say("page_reported", ("date", phrases.Date(report.ReportedAt))))}</p>
            """);
        if (report.WardName is { } ward)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p>{E(phrases.Say("page_ward", ("ward", ward)))}</p>\n");
        }

        if (report.Latitude is { } lat && report.Longitude is { } lon)
        {
            page.Append(CultureInfo.InvariantCulture, $"""<div id="map" role="region" aria-label="{E(phrases.Say("page_map"))}" data-lat="{lat.ToString(CultureInfo.InvariantCulture)}" data-lon="{lon.ToString(CultureInfo.InvariantCulture)}" data-tiles="{E(tileUrl)}" data-attribution="{E(attribution)}"></div>""");
            page.Append('\n');
        }

        page.Append(CultureInfo.InvariantCulture, $"<h2>{E(phrases.Say("page_history"))}</h2>\n<ol class=\"history\" data-testid=\"history\">\n");
        foreach (var line in report.History)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li><time datetime=\"{line.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{E(phrases.Date(line.At))}</time> {E(Status(line.Status))}");
            if (!string.IsNullOrWhiteSpace(line.Comment))
            {
                page.Append(CultureInfo.InvariantCulture, $"<br><q>{E(line.Comment)}</q>");
            }

            page.Append("</li>\n");
        }

        page.Append("""
            </ol>
            </main>
            <script src="/lib/leaflet/leaflet.js"></script>
            <script src="/status.js"></script>
            </body>
            </html>
            """);
        return page.ToString();
    }
}
