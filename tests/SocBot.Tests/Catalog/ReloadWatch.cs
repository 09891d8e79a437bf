using SocBot.Catalog;

namespace SocBot.Tests.Catalog;

/// <summary>
/// Waits, with a bound, for the catalog source to report a reload that satisfies a condition: a save fires several file
/// events, so the first reload is not necessarily the one the test is about. Create it before making the change.
/// </summary>
internal sealed class ReloadWatch : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly FileCatalogSource _source;
    private readonly Predicate<CatalogReloadResult> _until;
    private readonly TaskCompletionSource<CatalogReloadResult> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReloadWatch(FileCatalogSource source, Predicate<CatalogReloadResult> until)
    {
        _source = source;
        _until = until;
        source.Reloaded += OnReloaded;
    }

    /// <summary>The first matching reload; fails the test with a <see cref="TimeoutException"/> if none comes within the bound.</summary>
    public Task<CatalogReloadResult> Reload => _seen.Task.WaitAsync(Bound);

    public void Dispose() => _source.Reloaded -= OnReloaded;

    private void OnReloaded(object? sender, CatalogReloadResult result)
    {
        if (_until(result))
        {
            _seen.TrySetResult(result);
        }
    }
}
