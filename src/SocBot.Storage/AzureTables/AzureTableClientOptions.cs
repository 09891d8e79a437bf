using Azure.Core;

namespace SocBot.Storage.AzureTables;

/// <summary>Transport, retry and diagnostics settings of the Table REST client (Azure.Core's <see cref="ClientOptions"/>).</summary>
public sealed class AzureTableClientOptions : ClientOptions
{
    /// <summary>The REST version Azure.Data.Tables sends; Azurite accepts it.</summary>
    public string ServiceVersion { get; set; } = "2019-02-02";

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
