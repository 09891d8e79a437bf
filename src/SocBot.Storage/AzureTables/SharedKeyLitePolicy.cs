using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SocBot.Storage.AzureTables;

/// <summary>
/// Signs each attempt with SharedKeyLite, as Azure.Data.Tables does: HMAC-SHA256 over x-ms-date and the canonical resource
/// ("/" + account + the encoded path, plus ?comp= when present). It runs per retry so a retried request carries a fresh date.
/// </summary>
internal sealed class SharedKeyLitePolicy(string accountName, string accountKey, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    private readonly byte[] _key = Convert.FromBase64String(accountKey);

    public override void OnSendingRequest(HttpMessage message)
    {
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);

        var uri = message.Request.Uri.ToUri();
        var resource = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        if (comp is not null)
        {
            resource.Append("?comp=").Append(comp);
        }

        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(date + "\n" + resource)));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {accountName}:{signature}");
    }
}
