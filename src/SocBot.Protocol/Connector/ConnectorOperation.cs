namespace SocBot.Protocol.Connector;

/// <summary>The connector call a request is, named for telemetry from its method and path (ids left out, so tags stay few).</summary>
public static class ConnectorOperation
{
    public static string Of(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath.TrimEnd('/') ?? "";
        if (request.Method == HttpMethod.Post)
        {
            if (path.EndsWith("/v3/conversations", StringComparison.OrdinalIgnoreCase))
            {
                return "create_conversation";
            }

            return path.EndsWith("/activities", StringComparison.OrdinalIgnoreCase) ? "send" : "reply";
        }

        return request.Method == HttpMethod.Put ? "update" : request.Method == HttpMethod.Delete ? "delete" : "read";
    }
}
