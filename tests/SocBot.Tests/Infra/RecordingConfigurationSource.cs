using System.Collections.Concurrent;

namespace SocBot.Tests.Infra;

/// <summary>
/// Configuration values that remember which keys were read. Binding reads a value for every property it binds (and for
/// every element of a bound list), so the keys read while options are created are exactly the keys the app understands.
/// </summary>
public sealed class RecordingConfigurationSource(IDictionary<string, string?> values) : IConfigurationSource
{
    private readonly RecordingProvider _provider = new(values);

    public IReadOnlyCollection<string> KeysRead => _provider.KeysRead.Keys.ToList();

    public void ForgetReads() => _provider.KeysRead.Clear();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    private sealed class RecordingProvider : ConfigurationProvider
    {
        public RecordingProvider(IDictionary<string, string?> values)
        {
            foreach (var (key, value) in values)
            {
                Data[key] = value;
            }
        }

        public ConcurrentDictionary<string, bool> KeysRead { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            KeysRead.TryAdd(key, true);
            return base.TryGet(key, out value);
        }
    }
}
