namespace CivicConnect.Channels.CitizenPush.Fcm;

/// <summary>
/// Section <c>Fcm</c>: the Firebase service account the app's push notifications go out with
/// (Firebase Cloud Messaging HTTP v1). Give the service-account JSON itself (a secret:
/// environment variable Fcm__ServiceAccountJson) or the path of its file. Without either the
/// app registers no tokens and <c>fcm</c> rows end as failed, "not configured".
/// </summary>
public sealed class FcmOptions
{
    public const string SectionName = "Fcm";

    public string? ServiceAccountJson { get; set; }

    public string? ServiceAccountFile { get; set; }

    /// <summary>The FCM API; the OAuth token address comes from the service account (<c>token_uri</c>).</summary>
    public Uri BaseUrl { get; set; } = new("https://fcm.googleapis.com/");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ServiceAccountJson) || !string.IsNullOrWhiteSpace(ServiceAccountFile);

    /// <summary>The service-account JSON, from the setting or its file.</summary>
    public string ReadServiceAccount() =>
        !string.IsNullOrWhiteSpace(ServiceAccountJson) ? ServiceAccountJson : File.ReadAllText(ServiceAccountFile!);
}
