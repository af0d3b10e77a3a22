using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CivicConnect.Conversation.Dialogs;
using CivicConnect.Conversation.Ports;
using CivicConnect.Conversation.State;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Geo.Locating;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// <c>POST /requests</c>: checks the key and the form as the spec describes, places the report
/// (lat/long, or address_string through the same locator the conversation uses) and hands it to
/// the same <see cref="IIssueIntake"/> as every channel, so routing, deadlines and escalation apply alike.
/// </summary>
internal sealed class Open311Submission(
    CivicDbContext db,
    IIssueIntake intake,
    ILocator locator,
    Open311Catalog catalog,
    Open311RequestQuery query,
    IDialogCatalog dialogs,
    IOptions<Open311Options> options,
    TimeProvider clock)
{
    public const string Channel = "open311";
    private const int MaxDescription = 4000;

    /// <param name="client">Who posted, from <see cref="Authenticate"/>.</param>
    public async Task<Open311Element> SubmitAsync(string client, IFormCollection form, CancellationToken cancellationToken)
    {
        var serviceCode = Field(form, "service_code") ?? throw Open311Exception.BadRequest("service_code was not provided");
        var category = await db.ServiceCategories.AsNoTracking()
            .Where(c => c.Code == serviceCode && c.Active)
            .Select(c => new { c.Code, c.DefaultPriority })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw Open311Exception.NotFound($"service_code '{serviceCode}' was not found");

        var description = Field(form, "description") ?? string.Empty;
        if (description.Length > MaxDescription)
        {
            throw Open311Exception.BadRequest($"description is longer than {MaxDescription} characters");
        }

        var mediaUrl = Field(form, "media_url");
        if (mediaUrl is not null && (mediaUrl.Length > 2000 || !Uri.TryCreate(mediaUrl, UriKind.Absolute, out var media) || media.Scheme is not ("http" or "https")))
        {
            throw Open311Exception.BadRequest("media_url must be an absolute http or https URL");
        }

        var locale = Field(form, "locale") is { } asked && dialogs.Current.Locales.ContainsKey(asked) ? asked : "en";
        var attributes = Open311Attributes.Read(form, catalog.AttributesOf(category.Code));
        var place = await PlaceAsync(form, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var submitted = await intake.SubmitAsync(
            new IssueSubmission(null, Channel, locale, description, category.Code, null, place, attributes, [], Subscribe: false),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var issue = await db.Issues.AsNoTracking()
            .Where(i => i.ReferenceNumber == submitted.ReferenceNumber)
            .Select(i => new { i.Id, i.Deadline })
            .SingleAsync(cancellationToken);
        var request = new Open311Request
        {
            IssueId = issue.Id,
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Client = client,
            AccountId = Field(form, "account_id"),
            Email = Field(form, "email"),
            Phone = Field(form, "phone"),
            FirstName = Field(form, "first_name"),
            LastName = Field(form, "last_name"),
            DeviceId = Field(form, "device_id"),
            MediaUrl = mediaUrl,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Open311Requests.Add(request);
        var name = string.Join(' ', new[] { request.FirstName, request.LastName }.Where(n => n is not null));
        await db.Issues.Where(i => i.Id == issue.Id).ExecuteUpdateAsync(
            s => s.SetProperty(i => i.ReporterName, name.Length == 0 ? null : name)
                .SetProperty(i => i.ReporterEmail, request.Email)
                .SetProperty(i => i.ReporterPhone, request.Phone),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var element = new Open311Element();
        if (options.Value.ReturnsTokens)
        {
            element.Add("token", request.Token);
        }
        else
        {
            element.Add("service_request_id", submitted.ReferenceNumber.ToString(CultureInfo.InvariantCulture));
        }

        element.Add("service_notice", Notice(locale, submitted.DepartmentName, issue.Deadline));
        element.Add("account_id", request.AccountId);
        return element;
    }

    /// <summary>The spec's 403 for a missing or unknown key; the key is compared in constant time and never stored.</summary>
    /// <summary>The client a key belongs to ("key-N"); a missing or unknown key is the spec's 403.</summary>
    public string Authenticate(string apiKey)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            throw new Open311Exception(StatusCodes.Status403Forbidden, "api_key was not provided");
        }

        var given = Encoding.UTF8.GetBytes(apiKey);
        var keys = options.Value.ApiKeys;
        for (var index = 0; index < keys.Length; index++)
        {
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(keys[index])))
            {
                return "key-" + index.ToString(CultureInfo.InvariantCulture);
            }
        }

        throw new Open311Exception(StatusCodes.Status403Forbidden, "api_key is not valid");
    }

    private async Task<DraftPlace> PlaceAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var lat = Field(form, "lat");
        var lon = Field(form, "long");
        if (lat is not null || lon is not null)
        {
            if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
                || latitude is < -90 or > 90 || longitude is < -180 or > 180)
            {
                throw Open311Exception.BadRequest("lat and long must both be sent as WGS84 decimal degrees");
            }

            var point = await locator.DescribePointAsync(latitude, longitude, cancellationToken);
            var label = Field(form, "address_string") ?? point.Label;
            return Inside(point with { Label = label }, LocationSource.Pin);
        }

        if (Field(form, "address_string") is { } address)
        {
            var matches = await locator.FindAsync(address, cancellationToken);
            if (matches.Count == 0)
            {
                throw Open311Exception.BadRequest($"address_string '{address}' could not be located; send lat and long");
            }

            // No dialog to ask in: an address that fits several places, or a whole community, is refused with what would settle it.
            if (matches.Count > 1)
            {
                throw Open311Exception.BadRequest($"address_string '{address}' matches several places ({string.Join("; ", matches.Select(m => m.Label))}); add the quadrant, or send lat and long");
            }

            if (matches[0].Coarse)
            {
                throw Open311Exception.BadRequest($"address_string '{address}' names the whole community of {matches[0].Label}; send an address, an intersection, or lat and long");
            }

            return Inside(matches[0], LocationSource.Address);
        }

        if (Field(form, "address_id") is not null)
        {
            throw Open311Exception.BadRequest("address_id is not supported here; send lat and long or address_string");
        }

        throw Open311Exception.BadRequest("a location was not provided: send lat and long, or address_string");
    }

    private static DraftPlace Inside(PlaceMatch place, LocationSource source) =>
        place.Ward is { } ward
            ? new DraftPlace(place.Label, place.Latitude, place.Longitude, ward.Id, ward.Code, ward.Name, source)
            : throw Open311Exception.BadRequest("the location is outside the city limits");

    private string? Notice(string locale, string department, DateTimeOffset? deadline)
    {
        if (!dialogs.Current.Locales.TryGetValue(locale, out var text) || !text.Messages.TryGetValue("open311_notice", out var template) || deadline is null)
        {
            return null;
        }

        var expected = query.Local(deadline.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return template.Replace("{department}", department, StringComparison.Ordinal).Replace("{expected}", expected, StringComparison.Ordinal);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;
}
