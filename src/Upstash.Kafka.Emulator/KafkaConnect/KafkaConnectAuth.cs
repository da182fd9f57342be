using System.Security.Cryptography;
using System.Text;

namespace Upstash.Kafka.Emulator.KafkaConnect;

/// <summary>
/// Optional auth on the Kafka Connect paths only: none by default (stock Kafka Connect has none), HTTP Basic as the
/// BasicAuthSecurityRestExtension does it (KIP-285), and/or a bearer token as a proxy in front would check it.
/// </summary>
public static class KafkaConnectAuth
{
    /// <summary>What a gateway in front says when its token is missing or wrong: HTML, as proxies answer.</summary>
    public const string ProxyRefusal =
        "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    public static bool IsAuthorized(HttpRequest request, EmulatorOptions options)
    {
        string? user = options.KafkaConnectUser;
        string? token = options.KafkaConnectBearerToken;
        if (user == null && token == null)
        {
            return true;
        }

        string header = request.Headers.Authorization.ToString();
        if (token != null && header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return SameText(header["Bearer ".Length..].Trim(), token);
        }

        if (user != null && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                string pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                return SameText(pair, user + ":" + (options.KafkaConnectPassword ?? string.Empty));
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The 401: the basic-auth filter's plain text when Basic is configured; otherwise (a bearer token only) the
    /// proxy's HTML page with a WWW-Authenticate challenge.
    /// </summary>
    public static IResult Refusal(EmulatorOptions options) =>
        options.KafkaConnectUser != null
            ? Results.Text(KafkaConnectReplies.BasicAuthRefusal, "text/plain", Encoding.UTF8, 401)
            : new ProxyRefusalResult();

    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private sealed class ProxyRefusalResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Text(ProxyRefusal, "text/html", Encoding.UTF8, 401).ExecuteAsync(httpContext);
        }
    }
}
