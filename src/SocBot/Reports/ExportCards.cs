using System.Globalization;
using System.Text.Json.Nodes;
using SocBot.Cards;
using SocBot.Protocol;
using SocBot.Protocol.Schema;

namespace SocBot.Reports;

/// <summary>
/// What an export looks like in Teams: the file consent card that asks to put the CSV in the person's OneDrive, the file
/// card once it is there (both Teams' own attachment types), and the summary card a channel gets instead of the file.
/// </summary>
public static class ExportCards
{
    public const string FileConsentContentType = "application/vnd.microsoft.teams.card.file.consent";
    public const string FileInfoContentType = "application/vnd.microsoft.teams.card.file.info";

    /// <summary>The key under which accept and decline carry the export back in the fileConsent/invoke's context.</summary>
    public const string ExportIdKey = "exportId";

    public static Attachment FileConsent(PreparedExport prepared)
    {
        var context = new JsonObject { [ExportIdKey] = prepared.Export.ExportId };
        return new Attachment
        {
            ContentType = FileConsentContentType,
            Name = prepared.Export.FileName,
            Content = JsonElements.From(new JsonObject
            {
                ["description"] = $"SocBot audit log {prepared.Range.Label}: {Entries(prepared.Rows)}{(prepared.All ? ", with SocBot's own entries and ids" : string.Empty)}",
                ["sizeInBytes"] = prepared.Export.Content.Length,
                ["acceptContext"] = context.DeepClone(),
                ["declineContext"] = context.DeepClone(),
            }),
        };
    }

    /// <summary>The uploaded file, as Teams shows it: <paramref name="contentUrl"/> and <paramref name="uniqueId"/> come from the upload info Teams gave.</summary>
    public static Attachment FileInfo(string name, string contentUrl, string uniqueId, string fileType) => new()
    {
        ContentType = FileInfoContentType,
        ContentUrl = contentUrl,
        Name = name,
        Content = JsonElements.From(new JsonObject { ["uniqueId"] = uniqueId, ["fileType"] = fileType }),
    };

    /// <summary>A channel's view of an export: counts by team and action, and where the file went.</summary>
    public static AdaptiveCard Summary(PreparedExport prepared, string requestedBy, string delivery)
    {
        var body = new List<AdaptiveElement>
        {
            new AdaptiveTextBlock { Text = $"Audit log {prepared.Range.Label}", Size = AdaptiveTextSize.Large, Weight = AdaptiveTextWeight.Bolder, Wrap = true },
            new AdaptiveTextBlock
            {
                Text = $"{Entries(prepared.Rows)}{(prepared.All ? " including SocBot's own" : " by people")} · requested by {requestedBy}",
                IsSubtle = true,
                Spacing = AdaptiveSpacing.None,
                Wrap = true,
            },
        };
        if (prepared.ByTeam.Count == 0)
        {
            body.Add(new AdaptiveTextBlock { Text = "Nothing was recorded in this range.", Wrap = true });
        }
        else
        {
            body.Add(new AdaptiveFactSet
            {
                Facts = prepared.ByTeam
                    .Select(team => new AdaptiveFact(team.Team, string.Join(" · ", team.Actions.OrderByDescending(a => a.Count).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Count} {a.Action}")))))
                    .ToList(),
            });
        }

        body.Add(new AdaptiveTextBlock { Text = delivery, Wrap = true, Spacing = AdaptiveSpacing.Medium });
        return new AdaptiveCard
        {
            FallbackText = $"Audit log {prepared.Range.Label}: {Entries(prepared.Rows)}. {delivery}",
            Body = body,
        };
    }

    private static string Entries(int rows) => rows == 1 ? "1 entry" : string.Create(CultureInfo.InvariantCulture, $"{rows} entries");
}
