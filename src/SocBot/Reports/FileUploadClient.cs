using System.Net.Http.Headers;

namespace SocBot.Reports;

/// <summary>
/// Puts a file into the upload session Teams opened in the person's OneDrive after they accepted a file consent card: one
/// PUT of the whole content with its Content-Range. The upload URL is pre-authorised, so no token goes with it.
/// </summary>
public sealed class FileUploadClient(HttpClient http)
{
    public async Task UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentLength = content.Length;
        request.Content.Headers.ContentRange = new ContentRangeHeaderValue(0, Math.Max(0, content.Length - 1), content.Length);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The upload session answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }
}
