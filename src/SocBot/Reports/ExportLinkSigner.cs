using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SocBot.State;

namespace SocBot.Reports;

/// <summary>
/// Download links for exports that carry their own expiry, signed with SocBot:ExportLinkKey (HMAC-SHA256), so a link
/// whose time or id was edited is refused before the store is asked, and every instance sharing the key accepts it.
/// </summary>
public sealed class ExportLinkSigner(IOptions<ReportsOptions> options, TimeProvider time)
{
    public const string ExpiresParameter = "expires";
    public const string SignatureParameter = "sig";

    public Uri LinkTo(Uri publicBaseUrl, StoredExport export)
    {
        var expires = export.ExpiresAt.ToUnixTimeSeconds();
        return new Uri(string.Create(
            CultureInfo.InvariantCulture,
            $"{publicBaseUrl.AbsoluteUri.TrimEnd('/')}/exports/{Uri.EscapeDataString(export.TenantId)}/{export.ExportId}.csv?{ExpiresParameter}={expires}&{SignatureParameter}={Signature(export.TenantId, export.ExportId, expires)}"));
    }

    /// <summary>True when the link's signature is the key's for this tenant, id and expiry, and that expiry is still ahead.</summary>
    public bool IsValid(string tenantId, string exportId, string? expires, string? signature)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null
            || seconds <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(tenantId, exportId, seconds));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private string Signature(string tenantId, string exportId, long expires)
    {
        var key = Convert.FromBase64String(options.Value.ExportLinkKey ?? throw new InvalidOperationException($"{ReportsOptions.SectionName}:ExportLinkKey is not set."));
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{tenantId}\n{exportId}\n{expires}")));
        return Base64Url.EncodeToString(mac);
    }
}
