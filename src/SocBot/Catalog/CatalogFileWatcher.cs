namespace SocBot.Catalog;

/// <summary>
/// Reloads the catalog when its file changes. It watches the file's folder rather than the file, because editors often
/// save by writing a new file and renaming it over the old one (or renaming the old one away first), and a watch on the
/// file alone would miss that. A save fires several events, so reloading waits until the folder has been quiet for
/// <see cref="SettleTime"/>. Only the web host runs it; CLI verbs read the file once.
/// </summary>
internal sealed class CatalogFileWatcher(FileCatalogSource source, TimeProvider time, ILogger<CatalogFileWatcher> logger)
    : IHostedService, IDisposable
{
    /// <summary>How long after the last change event the file is read: long enough for an editor to finish its save.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);

    private static readonly StringComparison FileNameComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private FileSystemWatcher? _watcher;
    private ITimer? _settle;
    private string _path = string.Empty;
    private string _fileName = string.Empty;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (source.FilePath is not { } configured)
        {
            return Task.CompletedTask;
        }

        _path = Path.GetFullPath(configured);
        _fileName = Path.GetFileName(_path);
        _settle = time.CreateTimer(_ => ReloadAfterChange(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            var watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnRenamed;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            Log.WatchingCatalog(logger, _path);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            // Out of inotify instances or an unwatchable folder: the bot still runs, and `reload` still works.
            Log.CannotWatchCatalog(logger, e, _path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
        _settle?.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (IsCatalogFile(e.Name))
        {
            Settle();
        }
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (IsCatalogFile(e.Name) || IsCatalogFile(e.OldName))
        {
            Settle();
        }
    }

    private void OnError(object sender, ErrorEventArgs e)
    {
        Log.CatalogWatchError(logger, e.GetException(), _path);
        Settle();
    }

    private bool IsCatalogFile(string? name) => string.Equals(name, _fileName, FileNameComparison);

    private void Settle()
    {
        try
        {
            _settle?.Change(SettleTime, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // An event that was already on its way when the host stopped: nothing is reloaded any more.
        }
    }

    private void ReloadAfterChange()
    {
        try
        {
            source.Reload();
        }
        catch (Exception e)
        {
            // A timer callback is the boundary: an escaping exception would end the process.
            Log.CatalogReloadFailed(logger, e, _path);
        }
    }
}
