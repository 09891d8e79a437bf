using Azure.Data.Tables;

namespace SocBot.Storage.AzureTables;

/// <summary>Transport and retry settings of the table client: Azure.Data.Tables' own options.</summary>
public sealed class AzureTableClientOptions : TableClientOptions
{
}
