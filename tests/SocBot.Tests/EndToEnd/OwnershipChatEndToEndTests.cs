using System.Net;

namespace SocBot.Tests.EndToEnd;

/// <summary>Ownership questions asked in Teams, answered as cards through the connector.</summary>
public sealed class OwnershipChatEndToEndTests : DevelopmentBotTests
{
    [Theory]
    [InlineData("who handles threat intel feeds?", "Threat Intelligence & Analytics owns this")]
    [InlineData("Which team is responsible for penetration testing", "Engineering & SecOps owns this")]
    [InlineData("pen testing?", "Engineering & SecOps owns this")]
    public async Task Question_InAChannel_IsAnsweredWithTheOwnersCard(string question, string heading)
    {
        using var response = await Bot.PostActivityAsync(TeamsActivities.ChannelMessage(Connector.BaseUrl, question).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = PostedCards.CardOf(Assert.Single(Connector.Requests).Json);
        Assert.Equal(heading, PostedCards.Texts(card)[0]);
    }

    [Fact]
    public async Task OutOfScopeQuestion_SaysItDoesNotKnow_InsteadOfGuessing()
    {
        using var response = await Bot.PostActivityAsync(TeamsActivities.PersonalMessage(Connector.BaseUrl, "who runs payroll?").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var texts = PostedCards.Texts(PostedCards.CardOf(Assert.Single(Connector.Requests).Json));
        Assert.Contains(texts, t => t.StartsWith("I don't know who owns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Matrix_ListsEveryTeam()
    {
        using var response = await Bot.PostActivityAsync(TeamsActivities.PersonalMessage(Connector.BaseUrl, "matrix").ToJsonString());

        var text = Assert.Single(Connector.Requests).Json.GetProperty("text").GetString()!;
        foreach (var team in new[] { "SOC Oversight", "Threat Intelligence & Analytics", "Monitoring", "Engineering & SecOps", "Computer Security Incident Response Team (CSIRT)" })
        {
            Assert.Contains($"**{team}", text);
        }
    }
}
