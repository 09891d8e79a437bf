using SocBot.Storage.AzureTables;

namespace SocBot.Storage.Tests.AzureTables;

public sealed class TableConnectionStringTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtAzuriteTablePort()
    {
        var parsed = TableConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(TableConnectionString.DevelopmentAccountKey, parsed.AccountKey);
    }

    [Fact]
    public void Parse_ExplicitTableEndpoint_UsesIt()
    {
        var parsed = TableConnectionString.Parse("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:4567/devstoreaccount1/;");

        Assert.Equal(new Uri("http://127.0.0.1:4567/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal("a2V5", parsed.AccountKey);
    }

    [Fact]
    public void Parse_AccountAndSuffix_BuildsServiceEndpoint()
    {
        var parsed = TableConnectionString.Parse("DefaultEndpointsProtocol=https;AccountName=socbot;AccountKey=a2V5;EndpointSuffix=core.usgovcloudapi.net");

        Assert.Equal(new Uri("https://socbot.table.core.usgovcloudapi.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_MissingKey_ThrowsWithoutEchoingSecrets()
    {
        var error = Assert.Throws<FormatException>(() => TableConnectionString.Parse("AccountName=socbot"));
        var redacted = TableConnectionString.Parse("AccountName=socbot;AccountKey=c2VjcmV0").ToString();

        Assert.Contains("AccountKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", redacted, StringComparison.Ordinal);
    }
}
