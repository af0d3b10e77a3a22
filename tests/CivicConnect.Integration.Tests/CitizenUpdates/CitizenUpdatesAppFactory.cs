using System.Security.Cryptography;
using System.Text.Json;
using CivicConnect.Channels.CitizenPush.WebPush;
using CivicConnect.Integration.Tests.Alerts;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CivicConnect.Integration.Tests.CitizenUpdates;

/// <summary>
/// A node that reaches web and app citizens three more ways: browser push through a push
/// service stand-in (WireMock, <c>/push/…</c>), app push through an FCM stand-in speaking HTTP v1
/// (WireMock: the service account's token endpoint and <c>messages:send</c>), and e-mail through
/// the SMTP server in the test process (from <see cref="AlertAppFactory"/>). Keys are made fresh.
/// </summary>
public class CitizenUpdatesAppFactory : AlertAppFactory
{
    public const string VapidSubject = "mailto:311-push@calgary.example";
    public const string FcmProject = "civic-test";
    public const string FcmClientEmail = "push@civic-test.iam.example";
    public const string FcmAccessToken = "ya29.a-test-access-token";
    public const string StatusBase = "https://311.calgary.example";

    public CitizenUpdatesAppFactory()
    {
        (VapidPublicKey, var vapidPrivate) = WebPushKeys.Generate();
        Settings["WebPush:PublicKey"] = VapidPublicKey;
        Settings["WebPush:PrivateKey"] = vapidPrivate;
        Settings["WebPush:Subject"] = VapidSubject;
        Settings["WebPush:AllowHttpEndpoints"] = "true";
        Settings["WebPush:AllowedEndpointHosts:0"] = "localhost";
        Settings["WebPush:AllowedEndpointHosts:1"] = "127.0.0.1";
        Settings["Fcm:ServiceAccountJson"] = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = FcmProject,
            ["client_email"] = FcmClientEmail,
            ["private_key"] = ServiceAccountKey.ExportPkcs8PrivateKeyPem(),
            ["token_uri"] = TokenUri,
        });
        Settings["Fcm:BaseUrl"] = PushServices.Url + "/";
        Settings["Notifications:StatusPageBaseUrl"] = StatusBase;
    }

    public string VapidPublicKey { get; }

    public RSA ServiceAccountKey { get; } = RSA.Create(2048);

    /// <summary>The browsers' push service and Google's OAuth and FCM endpoints, one stand-in.</summary>
    public WireMockServer PushServices => Receiver;

    public string TokenUri => PushServices.Url + "/token";

    public const string FcmSendPath = "/v1/projects/" + FcmProject + "/messages:send";

    public string PushEndpoint(string name) => PushServices.Url + "/push/" + name;

    /// <summary>Lower priority numbers win in WireMock: the refusals (410, UNREGISTERED) come before the acceptances.</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        PushServices.Given(Request.Create().WithPath("/push/*").UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Location", "/messages/1"));
        PushServices.Given(Request.Create().WithPath("/push/gone-*").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(410).WithBody("push subscription has unsubscribed or expired."));
        PushServices.Given(Request.Create().WithPath("/push/down-*").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(503));
        PushServices.Given(Request.Create().WithPath("/token").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"access_token":"{{FcmAccessToken}}","expires_in":3599,"token_type":"Bearer"}"""));
        PushServices.Given(Request.Create().WithPath(FcmSendPath).UsingPost()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"name":"projects/{{FcmProject}}/messages/0:1500415314455276%31bd1c9631bd1c96"}"""));
        PushServices.Given(Request.Create().WithPath(FcmSendPath).UsingPost().WithBody(new WireMock.Matchers.WildcardMatcher("*uninstalled-app-*"))).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}"""));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        ServiceAccountKey.Dispose();
    }
}
