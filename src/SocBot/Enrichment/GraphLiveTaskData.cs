using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace SocBot.Enrichment;

/// <summary>
/// Reads Secure Score and Message center from Microsoft Graph for the tasks mapped in Graph:TaskEnrichments, one read
/// per kind per Graph:CacheFor however many cards ask.
/// </summary>
internal sealed class GraphLiveTaskData : ILiveTaskData, IDisposable
{
    /// <summary>Message center pages hold 100 posts; a week rarely fills two, and the bound keeps a read within its timeout.</summary>
    public const int MaxMessagePages = 5;

    /// <summary>Today's daily snapshot and the one a week before it, so the change spans 7 days.</summary>
    public const int SecureScoreSnapshots = 8;

    /// <summary>
    /// After a failed read, cards go without live data this long instead of each waiting out the timeout again while
    /// Graph is down or throttling.
    /// </summary>
    public static readonly TimeSpan FailureBackoff = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan MessageWindow = TimeSpan.FromDays(7);

    private readonly GraphOptions _options;
    private readonly GraphConnection _graph;
    private readonly TimeProvider _time;
    private readonly ILogger<GraphLiveTaskData> _logger;
    private readonly ConcurrentDictionary<LiveDataKind, CachedRead> _cache = new();
    private readonly ConcurrentDictionary<LiveDataKind, SemaphoreSlim> _reading = new();

    public GraphLiveTaskData(
        IOptions<GraphOptions> options,
        GraphConnection graph,
        TimeProvider time,
        ILogger<GraphLiveTaskData> logger)
    {
        _options = options.Value;
        _graph = graph;
        _time = time;
        _logger = logger;
    }

    public async Task<LiveData?> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        if (!_options.TaskEnrichments.TryGetValue(taskId, out var kind))
        {
            return null;
        }

        if (TryCached(kind, out var cached))
        {
            return cached;
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var gate = _reading.GetOrAdd(kind, _ => new SemaphoreSlim(1, 1));
        try
        {
            await gate.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The card ahead of this one is still reading and will log how that ends.
            return null;
        }

        try
        {
            // Another card may have read it while this one waited.
            if (TryCached(kind, out var readMeanwhile))
            {
                return readMeanwhile;
            }

            var data = await ReadAsync(kind, linked.Token);
            if (data is null)
            {
                Log.GraphEmpty(_logger, kind);
            }
            else
            {
                Log.GraphRead(_logger, kind, data.Facts.Count);
            }

            Remember(kind, data, _options.CacheFor);
            return data;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Log.GraphTimedOut(_logger, kind, _options.Timeout);
        }
        catch (ApiException exception)
        {
            Log.GraphRefused(_logger, exception, kind, exception.ResponseStatusCode);
        }
        catch (Exception exception)
        {
            Log.GraphFailed(_logger, exception, kind);
        }
        finally
        {
            gate.Release();
        }

        Remember(kind, null, FailureBackoff < _options.CacheFor ? FailureBackoff : _options.CacheFor);
        return null;
    }

    public void Dispose()
    {
        foreach (var gate in _reading.Values)
        {
            gate.Dispose();
        }
    }

    private bool TryCached(LiveDataKind kind, out LiveData? data)
    {
        var fresh = _cache.TryGetValue(kind, out var read) && _time.GetUtcNow() < read.Until;
        data = fresh ? read!.Data : null;
        return fresh;
    }

    private void Remember(LiveDataKind kind, LiveData? data, TimeSpan lifetime) =>
        _cache[kind] = new CachedRead(data, _time.GetUtcNow() + lifetime);

    private async Task<LiveData?> ReadAsync(LiveDataKind kind, CancellationToken cancellationToken)
    {
        using var graph = _graph.CreateClient();
        return kind switch
        {
            LiveDataKind.SecureScore => await ReadSecureScoreAsync(graph, cancellationToken),
            LiveDataKind.MessageCenter => await ReadMessageCenterAsync(graph, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No Graph read for this kind."),
        };
    }

    private async Task<LiveData?> ReadSecureScoreAsync(GraphServiceClient graph, CancellationToken cancellationToken)
    {
        var page = await graph.Security.SecureScores.GetAsync(request => request.QueryParameters.Top = SecureScoreSnapshots, cancellationToken);
        return SecureScoreSummary.From(page?.Value ?? [], _time.GetUtcNow());
    }

    private async Task<LiveData?> ReadMessageCenterAsync(GraphServiceClient graph, CancellationToken cancellationToken)
    {
        var since = (_time.GetUtcNow() - MessageWindow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var messages = new List<ServiceUpdateMessage>();
        var page = await graph.Admin.ServiceAnnouncement.Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = $"lastModifiedDateTime ge {since}";
                request.QueryParameters.Orderby = ["lastModifiedDateTime desc"];
            },
            cancellationToken);
        var pages = 0;
        while (page is not null)
        {
            pages++;
            messages.AddRange(page.Value ?? []);
            if (page.OdataNextLink is not { Length: > 0 } next || pages == MaxMessagePages)
            {
                return MessageCenterSummary.From(messages, more: page.OdataNextLink is { Length: > 0 }, _time.GetUtcNow());
            }

            page = await graph.Admin.ServiceAnnouncement.Messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken);
        }

        return MessageCenterSummary.From(messages, more: false, _time.GetUtcNow());
    }

    /// <summary>A read to reuse until <paramref name="Until"/>; no data when Graph had none or failed.</summary>
    private sealed record CachedRead(LiveData? Data, DateTimeOffset Until);
}
