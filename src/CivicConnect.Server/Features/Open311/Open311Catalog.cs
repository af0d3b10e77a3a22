using CivicConnect.Conversation.Dialogs;
using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// Services are the active categories; a service definition's attributes are the category's
/// follow-up questions from <c>dialogs/followups.json</c> — the same definitions the conversation asks.
/// </summary>
internal sealed class Open311Catalog(CivicDbContext db, IDialogCatalog dialogs, IOptions<Open311Options> options)
{
    public async Task<IReadOnlyList<Open311Element>> ListServicesAsync(string locale, CancellationToken cancellationToken)
    {
        var categories = await db.ServiceCategories.AsNoTracking()
            .Where(c => c.Active)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code)
            .Select(c => new { c.Code, c.Name, c.Description, c.Group, c.Keywords })
            .ToListAsync(cancellationToken);
        var followUps = dialogs.Current;
        return categories.Select(c => new Open311Element
        {
            { "service_code", c.Code },
            { "service_name", c.Name.For(locale) },
            { "description", c.Description.For(locale) },
            { "metadata", followUps.FollowUpsFor(c.Code).Count > 0 },
            { "type", options.Value.ServiceType },
            { "keywords", c.Keywords.TryGetValue(locale, out var words) ? string.Join(", ", words) : string.Empty },
            { "group", c.Group.For(locale) },
        }).ToList();
    }

    /// <returns>Null when there is no active service with that code.</returns>
    public async Task<Open311Element?> DefineAsync(string serviceCode, string locale, CancellationToken cancellationToken)
    {
        if (!await db.ServiceCategories.AnyAsync(c => c.Code == serviceCode && c.Active, cancellationToken))
        {
            return null;
        }

        var attributes = dialogs.Current.FollowUpsFor(serviceCode).OrderBy(a => a.Order).Select(a => Attribute(a, locale)).ToList();
        return new Open311Element
        {
            { "service_code", serviceCode },
            { "attributes", new Open311List("attribute", attributes) },
        };
    }

    public IReadOnlyList<FollowUpAttribute> AttributesOf(string serviceCode) => dialogs.Current.FollowUpsFor(serviceCode);

    private static Open311Element Attribute(FollowUpAttribute attribute, string locale)
    {
        var element = new Open311Element
        {
            { "variable", true },
            { "code", attribute.Code },
            { "datatype", Datatype(attribute.Datatype) },
            { "required", attribute.Required },
            { "datatype_description", DatatypeDescription(attribute.Datatype) },
            { "order", attribute.Order },
            { "description", Localized(attribute.Description, locale) },
        };
        if (attribute.Values is { Count: > 0 } values)
        {
            element.Add("values", new Open311List("value", values.Select(v => new Open311Element { { "key", v.Key }, { "name", Localized(v.Name, locale) } }).ToList()));
        }

        return element;
    }

    public static string Datatype(AttributeDatatype datatype) => datatype switch
    {
        AttributeDatatype.Number => "number",
        AttributeDatatype.Datetime => "datetime",
        AttributeDatatype.Text => "text",
        AttributeDatatype.SingleValueList => "singlevaluelist",
        AttributeDatatype.MultiValueList => "multivaluelist",
        _ => "string",
    };

    /// <summary>Help for free-form fields; lists explain themselves through their values.</summary>
    private static string? DatatypeDescription(AttributeDatatype datatype) => datatype switch
    {
        AttributeDatatype.Number => "A number, e.g. 3 or 2.5",
        AttributeDatatype.Datetime => "A date and time, e.g. 2026-11-25T08:30:00-07:00",
        _ => null,
    };

    private static string Localized(IReadOnlyDictionary<string, string> text, string locale) =>
        text.TryGetValue(locale, out var value) ? value : text.TryGetValue("en", out var english) ? english : text.Values.FirstOrDefault() ?? string.Empty;
}
