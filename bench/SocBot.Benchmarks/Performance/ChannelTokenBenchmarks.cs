using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocBot.Protocol.Authentication;
using SocBot.Testing;

namespace SocBot.Benchmarks.Performance;

/// <summary>
/// The check of a channel's bearer token with the keys already loaded: a token seen for the first time (signature and
/// all) and the same token on the next activity, which is how the channel sends them.
/// </summary>
[MemoryDiagnoser]
public class ChannelTokenBenchmarks
{
    private const string AppId = "0d3c0f5e-5a5c-4d43-9c43-3f0c1bb0b0b1";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private ChannelTokenIssuer _issuer = null!;
    private OpenIdSigningKeyProvider _keys = null!;
    private IOptions<BotAuthenticationOptions> _authentication = null!;
    private IOptions<BotCredentialsOptions> _credentials = null!;
    private BotTokenValidator _validator = null!;
    private string _header = "";

    [GlobalSetup]
    public async Task Setup()
    {
        _issuer = await ChannelTokenIssuer.StartAsync();
        var authentication = new BotAuthenticationOptions { OpenIdMetadataUrl = _issuer.MetadataUrl };
        new BotAuthenticationDefaults().PostConfigure(null, authentication);
        _authentication = Options.Create(authentication);
        _credentials = Options.Create(new BotCredentialsOptions { MicrosoftAppId = AppId });
        _keys = new OpenIdSigningKeyProvider(new HttpClient(), _authentication, TimeProvider.System, NullLogger<OpenIdSigningKeyProvider>.Instance);
        _validator = NewValidator();
        _header = $"Bearer {_issuer.CreateToken(AppId, ServiceUrl)}";
        await SameTokenAgain();
    }

    [GlobalCleanup]
    public async Task Cleanup() => await _issuer.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task<AuthenticationOutcome> FirstSight() => NewValidator().ValidateAsync(_header, ServiceUrl, "msteams", CancellationToken.None);

    [Benchmark]
    public Task<AuthenticationOutcome> SameTokenAgain() => _validator.ValidateAsync(_header, ServiceUrl, "msteams", CancellationToken.None);

    private BotTokenValidator NewValidator() => new(_keys, _authentication, _credentials, TimeProvider.System);
}
