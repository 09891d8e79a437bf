using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SocBot.Reports;

/// <summary>
/// CSV exports kept in memory for an hour under an unguessable id, so a chat reply can link to them (Teams does not
/// render a text/csv attachment from a bot). Anyone holding the link can read it until it expires.
/// </summary>
public sealed class ExportStore(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Export> _exports = new(StringComparer.Ordinal);

    public string Add(string csv)
    {
        var now = time.GetUtcNow();
        foreach (var (id, export) in _exports)
        {
            if (export.ExpiresAt <= now)
            {
                _exports.TryRemove(id, out _);
            }
        }

        var newId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _exports[newId] = new Export(csv, now + Lifetime);
        return newId;
    }

    public string? Find(string id) =>
        _exports.TryGetValue(id, out var export) && export.ExpiresAt > time.GetUtcNow() ? export.Csv : null;

    private sealed record Export(string Csv, DateTimeOffset ExpiresAt);
}
