using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Authentication;
using SocBot.Protocol.Connector;
using SocBot.Protocol.Schema;
using SocBot.Protocol.Teams;

namespace SocBot.Protocol.Hosting;

/// <summary>
/// Turns one POST to /api/messages into one turn: size and shape checks, authentication, the tenant allow-list, then the bot.
/// Client mistakes get a 4xx with a short reason and never reach the bot; the service keeps serving.
/// </summary>
public sealed partial class CloudAdapter(
    BotTokenValidator validator,
    ConnectorClient connector,
    TrustedServiceUrls trustedUrls,
    IOptions<BotAdapterOptions> options,
    ILogger<CloudAdapter> logger)
{
    public async Task<IResult> ProcessAsync(HttpRequest request, IBot bot, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!IsJson(request.ContentType))
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json.");
        }

        if (request.ContentLength > settings.MaxBodyBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"Body larger than {settings.MaxBodyBytes} bytes.");
        }

        var body = await ReadBodyAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"Body larger than {settings.MaxBodyBytes} bytes.");
        }

        // The parser checks UTF-8 only in the strings it converts; raw parts (value, channelData) would fail later, in a handler.
        if (!Utf8.IsValid(body))
        {
            return Error(StatusCodes.Status400BadRequest, "Body is not valid UTF-8.");
        }

        Activity? activity;
        try
        {
            activity = WithoutNullEntries(JsonSerializer.Deserialize(body, ProtocolJsonContext.Default.Activity));
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, $"Body is not an activity: {e.Message}");
        }

        var shapeError = CheckShape(activity, out var serviceUrl);
        if (shapeError is not null)
        {
            return Error(StatusCodes.Status400BadRequest, shapeError);
        }

        var outcome = await validator.ValidateAsync(request.Headers.Authorization.ToString(), activity!.ServiceUrl!, activity.ChannelId, cancellationToken);
        if (!outcome.Succeeded)
        {
            Log.Unauthorized(logger, outcome.FailureReason);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var tenantId = activity.GetTenantId();
        var allowed = settings.AllowedTenantIds.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (allowed.Count > 0 && (tenantId is null || !allowed.Contains(tenantId, StringComparer.OrdinalIgnoreCase)))
        {
            Log.TenantRefused(logger, tenantId);
            return Error(StatusCodes.Status403Forbidden, "This tenant may not use this bot.");
        }

        trustedUrls.Trust(serviceUrl!);
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
            ["ConversationId"] = activity.Conversation!.Id,
        });

        InvokeResponse? invokeResponse;
        try
        {
            invokeResponse = await bot.OnTurnAsync(new TurnContext(activity, serviceUrl!, connector), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.TurnFailed(logger, e, activity.Type);
            return Error(StatusCodes.Status500InternalServerError, "The bot failed to handle this activity.");
        }

        if (activity.Type != ActivityTypes.Invoke)
        {
            return Results.Ok();
        }

        invokeResponse ??= InvokeResponse.NotImplemented;
        return invokeResponse.Body is { } json
            ? Results.Json(json, ProtocolJsonContext.Default.JsonElement, statusCode: invokeResponse.Status)
            : Results.StatusCode(invokeResponse.Status);
    }

    /// <summary>
    /// Far above any id Teams sends (a channel thread's is under 200 characters), far below what a connector URL built
    /// from it may hold.
    /// </summary>
    private const int MaxIdLength = 2048;

    private static string? CheckShape(Activity? activity, out Uri? serviceUrl)
    {
        serviceUrl = null;
        if (activity is null)
        {
            return "Body is not an activity object.";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "Activity has no type.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "Activity has no conversation id.";
        }

        if (activity.Conversation.Id.Length > MaxIdLength || activity.Id?.Length > MaxIdLength || activity.ReplyToId?.Length > MaxIdLength)
        {
            return $"Activity's id, replyToId or conversation id is longer than {MaxIdLength} characters.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            return "Activity has no valid serviceUrl.";
        }

        return null;
    }

    /// <summary>A null inside a list (<c>membersAdded: [null]</c>) names nobody and nothing: dropped, so handlers see only entries.</summary>
    private static Activity? WithoutNullEntries(Activity? activity) => activity is null ? null : activity with
    {
        MembersAdded = activity.MembersAdded?.OfType<ChannelAccount>().ToList(),
        MembersRemoved = activity.MembersRemoved?.OfType<ChannelAccount>().ToList(),
        Attachments = activity.Attachments?.OfType<Attachment>().ToList(),
    };

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes; null when the body is longer (chunked bodies carry no length).
    /// A body with a Content-Length (what Teams sends) is read straight into an array of that size: the copy through a
    /// growing buffer cost more allocation per turn than the rest of the adapter.
    /// </summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            var body = new byte[length];
            var filled = 0;
            int got;
            while (filled < body.Length && (got = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += got;
            }

            return filled == body.Length ? body : body[..filled];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Error(int status, string message) =>
        Results.Json(new ProtocolError(message), ProtocolJsonContext.Default.ProtocolError, statusCode: status);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity: {Reason}")]
        public static partial void Unauthorized(ILogger logger, string? reason);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity from tenant {TenantId}: not on the allowed tenant list")]
        public static partial void TenantRefused(ILogger logger, string? tenantId);

        [LoggerMessage(Level = LogLevel.Error, Message = "The turn for a {Type} activity failed")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string? type);
    }
}
