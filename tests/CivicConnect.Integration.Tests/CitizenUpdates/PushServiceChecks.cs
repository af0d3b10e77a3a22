using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CivicConnect.Integration.Tests.CitizenUpdates;

/// <summary>
/// What a push service and Google's OAuth endpoint check before they accept a request, written
/// from RFC 8292 (VAPID) and RFC 7523 (JWT bearer grant): the token's signature, audience and expiry.
/// </summary>
internal static class PushServiceChecks
{
    /// <summary><c>Authorization: vapid t=JWT, k=KEY</c>: signed ES256 by KEY, for this push service's origin, not expired, with our contact.</summary>
    public static void AssertVapid(string? header, string expectedPublicKey, string endpoint, string subject)
    {
        Assert.NotNull(header);
        Assert.StartsWith("vapid ", header, StringComparison.Ordinal);
        var parameters = header["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(expectedPublicKey, parameters["k"]);
        var jwt = parameters["t"].Split('.');
        var point = TestBrowser.FromBase64Url(parameters["k"]);
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..65] } });
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), TestBrowser.FromBase64Url(jwt[2]), HashAlgorithmName.SHA256), "the VAPID JWT is not signed by the key it names");
        Assert.Equal("ES256", Claims(jwt[0]).GetProperty("alg").GetString());
        var claims = Claims(jwt[1]);
        // The audience is the push service's origin. Lib.Net.Http.WebPush writes scheme and host only,
        // which is the origin for the real services (https on 443); the stand-in's port is left out.
        var service = new Uri(endpoint);
        Assert.Equal($"{service.Scheme}://{service.Host}", claims.GetProperty("aud").GetString());
        Assert.Equal(subject, claims.GetProperty("sub").GetString());
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64()) > TimeProvider.System.GetUtcNow(), "the VAPID JWT has expired");
    }

    /// <summary>The JWT bearer grant's assertion: RS256 by the service account's key, from its e-mail, for the token endpoint, with the FCM scope.</summary>
    public static void AssertServiceAccountAssertion(string assertion, RSA serviceAccountKey, string clientEmail, string tokenUri)
    {
        var jwt = assertion.Split('.');
        Assert.True(serviceAccountKey.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), TestBrowser.FromBase64Url(jwt[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), "the assertion is not signed by the service account");
        Assert.Equal("RS256", Claims(jwt[0]).GetProperty("alg").GetString());
        var claims = Claims(jwt[1]);
        Assert.Equal(clientEmail, claims.GetProperty("iss").GetString());
        Assert.Equal(tokenUri, claims.GetProperty("aud").GetString());
        Assert.Equal("https://www.googleapis.com/auth/firebase.messaging", claims.GetProperty("scope").GetString());
        Assert.True(claims.GetProperty("exp").GetInt64() > claims.GetProperty("iat").GetInt64());
    }

    private static JsonElement Claims(string part) => JsonDocument.Parse(TestBrowser.FromBase64Url(part)).RootElement.Clone();
}
