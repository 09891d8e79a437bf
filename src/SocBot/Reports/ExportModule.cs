using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SocBot.Access;
using SocBot.Bindings;
using SocBot.Bot;
using SocBot.Catalog;
using SocBot.Protocol;
using SocBot.Protocol.Connector;
using SocBot.Protocol.Hosting;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;
using SocBot.Reminders;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>
/// `export ‹from› ‹to› [all]`: the audit log as a CSV file. In a personal chat it arrives as a file (Teams' file consent
/// card, then the upload to the OneDrive session Teams opens), and as a one-hour link when SocBot:PublicBaseUrl is set; in
/// a channel the channel sees a summary card and the requester gets the file privately, because an audit log is not for
/// everyone in the channel.
/// </summary>
public sealed partial class ExportModule(
    ICatalogSource catalogSource,
    ConversationTeams conversationTeams,
    AccessPolicy access,
    AuditExporter exporter,
    ISocStateStore store,
    FileUploadClient uploads,
    IOptions<ReportsOptions> options,
    ExportLinkSigner links,
    TimeProvider time,
    ILogger<ExportModule> logger) : IBotModule
{
    public IEnumerable<HelpEntry> Help { get; } = [new("export ‹from› ‹to› [all]", "the audit log of those days (yyyy-MM-dd, or one day, or today) as a CSV file, sent to you privately")];

    public void Register(ActivityRouter router)
    {
        router.OnCommand("export", ExportAsync);
        router.OnInvoke("fileConsent/invoke", OnFileConsentAsync);
    }

    private async Task ExportAsync(ITurnContext turn, string text, CancellationToken cancellationToken)
    {
        var catalog = catalogSource.Current;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Settings.TimeZone);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var all = words.RemoveAll(w => w is "all" or "--all" or "ALL") > 0;
        if (ExportRange.Parse(words, zone, time.GetUtcNow()) is not { } range)
        {
            await turn.SendActivityAsync(
                $"Say `export ‹from› ‹to›` with two days (yyyy-MM-dd, {SocTime.ZoneName(zone)}), the second not before the first, or one day: `export 2026-01-05`, `export today`. Add `all` for SocBot's own entries and the ids.",
                cancellationToken);
            return;
        }

        var activity = turn.Activity;
        var personal = activity.Conversation?.ConversationType is null or "personal";
        var scope = await conversationTeams.ForActivityAsync(activity, cancellationToken);
        if (!scope.IsBound && personal && await access.CanBindChannelsAsync(activity, cancellationToken))
        {
            scope = conversationTeams.ForTeam(activity.GetTenantId() ?? string.Empty, catalog.FindTeam(CatalogLoader.DefaultEscalationTeamId)!);
        }

        if (!scope.IsBound)
        {
            await turn.SendActivityAsync(
                "This conversation isn't linked to a SOC team, so `export` has no team's audit log to give. Say it in your team's channel (the file comes to you privately), or ask a SOC admin.",
                cancellationToken);
            return;
        }

        var by = AccessPolicy.ActorOf(activity);
        PreparedExport prepared;
        try
        {
            prepared = await exporter.PrepareAsync(scope, range, all, by, cancellationToken);
        }
        catch (ArgumentException)
        {
            await turn.SendActivityAsync($"The audit log {range.Label} is too large for one file. Export fewer days at a time.", cancellationToken);
            return;
        }

        Log.Exported(logger, prepared.Rows, scope.Teams.Count, personal ? "personal" : "channel");
        if (personal)
        {
            await turn.SendActivityAsync(Offer(prepared), cancellationToken);
            return;
        }

        var delivery = await OfferPrivatelyAsync(turn, prepared, cancellationToken)
            ? $"{by.Name}, I sent you the file in our personal chat."
            : $"{by.Name}, I couldn't write to you privately. Say `export {string.Join(' ', words)}{(all ? " all" : string.Empty)}` to me in a personal chat to get the file.";
        await turn.SendActivityAsync(ReminderPoster.CardActivity(ExportCards.Summary(prepared, by.Name, delivery)), cancellationToken);
    }

    /// <summary>The file consent card, with the download link beside it when the bot has a public address.</summary>
    private OutgoingActivity Offer(PreparedExport prepared)
    {
        var link = options.Value.PublicBaseUrl is { } baseUrl
            ? $" Or [download it]({links.LinkTo(baseUrl, prepared.Export)}) (the link works for {AuditExporter.Lifetime.TotalMinutes:0} minutes)."
            : string.Empty;
        return new OutgoingActivity
        {
            Text = $"Audit log {prepared.Range.Label}: {(prepared.Rows == 1 ? "1 entry" : $"{prepared.Rows} entries")}. Allow the upload and the CSV goes to your OneDrive.{link}",
            TextFormat = "markdown",
            Attachments = [ExportCards.FileConsent(prepared)],
        };
    }

    /// <summary>Opens (or finds) the requester's 1:1 chat with the bot and offers the file there.</summary>
    private async Task<bool> OfferPrivatelyAsync(ITurnContext turn, PreparedExport prepared, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.From?.Id is not { } userId)
        {
            return false;
        }

        try
        {
            var tenantId = activity.GetTenantId();
            var chat = await turn.Connector.CreateConversationAsync(
                turn.ServiceUrl,
                tenantId,
                new ConversationParameters
                {
                    IsGroup = false,
                    Bot = activity.Recipient,
                    Members = [new ChannelAccount { Id = userId }],
                    TenantId = tenantId,
                    ChannelData = JsonElements.From(new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } }),
                },
                userId,
                cancellationToken);
            if (chat.Id is not { } chatId)
            {
                return false;
            }

            await turn.Connector.SendToConversationAsync(turn.ServiceUrl, tenantId, chatId, Offer(prepared), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException)
        {
            Log.PrivateOfferFailed(logger, e);
            return false;
        }
    }

    private async Task<InvokeResponse> OnFileConsentAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var value = activity.Value is { ValueKind: JsonValueKind.Object } v ? v : default;
        var action = Text(value, "action");
        var exportId = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("context", out var context) ? Text(context, ExportCards.ExportIdKey) : null;
        var export = exportId is null ? null : await store.GetExportAsync(activity.GetTenantId() ?? string.Empty, exportId, cancellationToken);
        if (export is null || !string.Equals(export.RequestedBy.AadObjectId, AccessPolicy.ActorOf(activity).AadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            await turn.SendActivityAsync("That export has expired (they are kept for an hour) or isn't yours. Say `export` again for a fresh one.", cancellationToken);
            return Ok;
        }

        if (action != "accept")
        {
            await turn.SendActivityAsync($"OK, I didn't upload **{export.FileName}**.", cancellationToken);
            return Ok;
        }

        var upload = value.TryGetProperty("uploadInfo", out var info) ? info : default;
        if (Text(upload, "uploadUrl") is not { } uploadUrl || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uploadUri)
            || (uploadUri.Scheme != Uri.UriSchemeHttps && !uploadUri.IsLoopback))
        {
            await turn.SendActivityAsync("Teams didn't give me a place to upload the file to. Say `export` again.", cancellationToken);
            return Ok;
        }

        try
        {
            await uploads.UploadAsync(uploadUri, export.Content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            Log.UploadFailed(logger, e);
            await turn.SendActivityAsync($"I couldn't upload **{export.FileName}** to your OneDrive ({e.Message}). Say `export` again to retry.", cancellationToken);
            return Ok;
        }

        var name = Text(upload, "name") ?? export.FileName;
        await turn.SendActivityAsync(
            OutgoingActivity.FromAttachment(ExportCards.FileInfo(name, Text(upload, "contentUrl") ?? uploadUrl, Text(upload, "uniqueId") ?? export.ExportId, Text(upload, "fileType") ?? "csv"), $"{name} is in your OneDrive"),
            cancellationToken);
        return Ok;
    }

    private static InvokeResponse Ok { get; } = new(200, null);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Exported {Count} audit entries for {TeamCount} teams in a {Where} conversation")]
        public static partial void Exported(ILogger logger, int count, int teamCount, string where);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not offer an export in the requester's personal chat")]
        public static partial void PrivateOfferFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading an export to the file consent upload session failed")]
        public static partial void UploadFailed(ILogger logger, Exception exception);
    }
}
