using System.Globalization;
using CivicConnect.Conversation.Dialogs;

namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// Reads <c>attribute[code]=value</c> (and <c>attribute[code][]=v</c> for a multivaluelist) against
/// the service definition: required ones present, list values among the keys, numbers and dates parse.
/// Codes the definition does not know are ignored, as a form field would be.
/// </summary>
internal static class Open311Attributes
{
    public static Dictionary<string, string> Read(IFormCollection form, IReadOnlyList<FollowUpAttribute> definition)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in definition)
        {
            var values = form[$"attribute[{attribute.Code}]"].Concat(form[$"attribute[{attribute.Code}][]"])
                .Select(v => v?.Trim())
                .Where(v => !string.IsNullOrEmpty(v))
                .Select(v => v!)
                .ToList();
            if (values.Count == 0)
            {
                if (attribute.Required)
                {
                    throw Open311Exception.BadRequest($"attribute[{attribute.Code}] is required for this service");
                }

                continue;
            }

            Check(attribute, values);
            answers[attribute.Code] = string.Join(",", values);
        }

        return answers;
    }

    private static void Check(FollowUpAttribute attribute, List<string> values)
    {
        var name = $"attribute[{attribute.Code}]";
        switch (attribute.Datatype)
        {
            case AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList:
                if (attribute.Datatype == AttributeDatatype.SingleValueList && values.Count > 1)
                {
                    throw Open311Exception.BadRequest($"{name} takes one value");
                }

                var keys = attribute.Values?.Select(v => v.Key).ToHashSet(StringComparer.Ordinal) ?? [];
                if (values.FirstOrDefault(v => !keys.Contains(v)) is { } unknown)
                {
                    throw Open311Exception.BadRequest($"{name} has no value '{unknown}'; expected one of {string.Join(", ", keys)}");
                }

                break;
            case AttributeDatatype.Number when !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                throw Open311Exception.BadRequest($"{name} must be a number");
            case AttributeDatatype.Datetime when !Open311Time.TryParse(values[0], out _):
                throw Open311Exception.BadRequest($"{name} must be a W3C datetime");
            case AttributeDatatype.String when values[0].Contains('\n', StringComparison.Ordinal):
                throw Open311Exception.BadRequest($"{name} must be on one line");
        }
    }
}
