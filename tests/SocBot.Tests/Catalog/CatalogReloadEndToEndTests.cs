using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using SocBot.Catalog;
using SocBot.Tests.EndToEnd;

namespace SocBot.Tests.Catalog;

/// <summary>
/// `reload` in Teams against the real app on Kestrel with its own catalog file, replies read from a loopback connector.
/// The file watcher is left out so that only the command can have reloaded the catalog.
/// </summary>
public sealed class CatalogReloadEndToEndTests : IAsyncLifetime
{
    private const string Admin = "aad-grace";
    private const string CoffeeQuestion = "who manages the coffee machine?";

    private readonly CatalogFolder _folder = new(CatalogEdits.Default);
    private LoopbackServer _connector = null!;
    private SocBotTestHost? _bot;

    private SocBotTestHost Bot => _bot ?? throw new InvalidOperationException("Start the bot first.");

    public async Task InitializeAsync()
    {
        _connector = await LoopbackServer.StartAsync();
        _connector.SetDefault(_ => LoopbackResponse.Json(200, """{"id":"reply-1"}"""));
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _connector.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Reload_ByAdminAfterAnEdit_AnswersTheCounts_AndOwnershipAnswersFollow()
    {
        await StartBotAsync(Admin);
        Assert.StartsWith("I don't know who owns", OwnershipHeading(await SayAsync(InChat(CoffeeQuestion))), StringComparison.Ordinal);
        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.WithCoffeeDutyForCsirt);
        Assert.StartsWith("I don't know who owns", OwnershipHeading(await SayAsync(InChat(CoffeeQuestion))), StringComparison.Ordinal);

        var reply = TextOf(await SayAsync(InChat("reload")));

        Assert.Equal("Catalog reloaded: 5 teams, 8 tasks.", FirstLine(reply));
        Assert.Contains($"`{_folder.CatalogPath}`", reply, StringComparison.Ordinal);
        Assert.Equal($"{CatalogEdits.CsirtName} owns this", OwnershipHeading(await SayAsync(InChat(CoffeeQuestion))));
    }

    [Fact]
    public async Task Reload_ByAdminAfterABrokenEdit_ListsTheErrors_KeepsThePreviousCatalog_AndStaysReady()
    {
        await StartBotAsync(Admin);
        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.BrokenTimeZone);

        var reply = TextOf(await SayAsync(InChat("reload")));

        Assert.Equal($"`{_folder.CatalogPath}` has 1 error(s), so I kept the previous catalog (5 teams, 8 tasks):", FirstLine(reply));
        var error = Assert.Single(ListLines(reply));
        Assert.StartsWith("- line 17, column ", error, StringComparison.Ordinal);
        Assert.Contains(": settings.timeZone: 'Atlantis/Lost_City' is not an IANA time zone", error, StringComparison.Ordinal);
        Assert.StartsWith("I don't know who owns", OwnershipHeading(await SayAsync(InChat(CoffeeQuestion))), StringComparison.Ordinal);

        using var ready = await Bot.Http.GetAsync(new Uri("readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var catalog = health.RootElement.GetProperty("checks").GetProperty("catalog");
        Assert.Equal("Healthy", catalog.GetProperty("status").GetString());
        Assert.Matches(
            @"^5 teams, 8 tasks; the last reload \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\) was rejected with 1 errors, so the previous catalog is in force$",
            catalog.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Reload_ByAdminAfterTheFileIsFixed_ClearsTheRejectionFromReadiness()
    {
        await StartBotAsync(Admin);
        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.BrokenTimeZone);
        await SayAsync(InChat("reload"));
        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.WithCoffeeDutyForCsirt);

        Assert.Equal("Catalog reloaded: 5 teams, 8 tasks.", FirstLine(TextOf(await SayAsync(InChat("reload")))));

        using var ready = await Bot.Http.GetAsync(new Uri("readyz", UriKind.Relative));
        using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("5 teams, 8 tasks", health.RootElement.GetProperty("checks").GetProperty("catalog").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Reload_ByNonAdminInAChannel_IsRefused_AndTheCatalogIsNotReloaded()
    {
        await StartBotAsync(Admin);
        var before = Bot.Services.GetRequiredService<ICatalogSource>().Current;
        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.WithCoffeeDutyForCsirt);

        var reply = TextOf(await SayAsync(TeamsActivities.ChannelMessage(_connector.BaseUrl, "reload")));

        Assert.StartsWith("Only SOC admins can reload the catalog", reply, StringComparison.Ordinal);
        Assert.EndsWith("Nothing was changed.", reply, StringComparison.Ordinal);
        Assert.Same(before, Bot.Services.GetRequiredService<ICatalogSource>().Current);
        Assert.StartsWith("I don't know who owns", OwnershipHeading(await SayAsync(InChat(CoffeeQuestion))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_InSocOversightsChannel_IsAllowedWithoutAdminIds()
    {
        await StartBotAsync(adminObjectId: null);
        Assert.StartsWith("Linked", TextOf(await SayAsync(TeamsActivities.ChannelMessage(_connector.BaseUrl, "link soc-oversight"))), StringComparison.Ordinal);
        await File.WriteAllTextAsync(_folder.CatalogPath, CatalogEdits.WithCoffeeDutyForCsirt);

        var reply = TextOf(await SayAsync(TeamsActivities.ChannelMessage(_connector.BaseUrl, "reload")));

        Assert.Equal("Catalog reloaded: 5 teams, 8 tasks.", FirstLine(reply));
        Assert.Contains(CatalogEdits.CoffeeDuty, Bot.Services.GetRequiredService<ICatalogSource>().Current.FindTeam("csirt")!.Responsibilities);
    }

    [Fact]
    public async Task Help_ListsReloadForAdmins()
    {
        await StartBotAsync(Admin);

        var help = TextOf(await SayAsync(InChat("help")));

        Assert.Contains("**reload**", help, StringComparison.Ordinal);
    }

    private async Task StartBotAsync(string? adminObjectId)
    {
        var configuration = new Dictionary<string, string?> { ["SocBot:CatalogPath"] = _folder.CatalogPath };
        if (adminObjectId is not null)
        {
            configuration["SocBot:AdminObjectIds:0"] = adminObjectId;
        }

        _bot = await SocBotTestHost.StartAsync(
            configuration,
            overrideServices: services => services.Remove(
                services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CatalogFileWatcher))));
    }

    /// <summary>Grace, who is the configured admin when there is one, in her personal chat with the bot.</summary>
    private JsonObject InChat(string text) => TeamsActivities.PersonalMessage(_connector.BaseUrl, text);

    private async Task<JsonElement> SayAsync(JsonObject activity)
    {
        var before = _connector.Requests.Count;
        using var response = await Bot.PostActivityAsync(activity.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // `link` also asks Teams for the team's and channel's names; the reply is the one message posted.
        return Assert.Single(_connector.Requests.Skip(before), r => r.Method == "POST").Json;
    }

    private static string TextOf(JsonElement reply) => reply.GetProperty("text").GetString()!;

    private static string OwnershipHeading(JsonElement reply) => PostedCards.Texts(PostedCards.CardOf(reply))[0];

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static List<string> ListLines(string text) => text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
}
