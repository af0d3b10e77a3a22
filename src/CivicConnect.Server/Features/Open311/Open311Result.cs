using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace CivicConnect.Server.Features.Open311;

/// <summary>Writes an <see cref="Open311Document"/> as <c>text/xml</c> or <c>application/json</c>, UTF-8, with the given status.</summary>
internal sealed class Open311Result(Open311Document document, Open311Format format, int statusCode = StatusCodes.Status200OK) : IResult
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public Open311Document Document => document;

    public int StatusCode => statusCode;

    public static Open311Result Error(Open311Format format, int statusCode, string description) =>
        new(Open311Document.Error(statusCode, description), format, statusCode);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        using var buffer = new MemoryStream();
        if (format == Open311Format.Json)
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            WriteJson(buffer);
        }
        else
        {
            httpContext.Response.ContentType = "text/xml; charset=utf-8";
            WriteXml(buffer);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
    }

    private void WriteJson(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream);
        WriteJsonValue(json, document.Root);
    }

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJsonValue(json, item);
                }

                json.WriteEndArray();
                break;
            case Open311Element element:
                json.WriteStartObject();
                foreach (var (name, field) in element)
                {
                    json.WritePropertyName(name);
                    WriteJsonValue(json, field);
                }

                json.WriteEndObject();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }

    private void WriteXml(Stream stream)
    {
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Utf8, Indent = false });
        xml.WriteStartDocument();
        xml.WriteStartElement(document.RootName);
        WriteXmlContent(xml, document.Root);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteXmlContent(XmlWriter xml, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    xml.WriteStartElement(list.ItemName);
                    WriteXmlContent(xml, item);
                    xml.WriteEndElement();
                }

                break;
            case Open311Element element:
                foreach (var (name, field) in element)
                {
                    xml.WriteStartElement(name);
                    WriteXmlContent(xml, field);
                    xml.WriteEndElement();
                }

                break;
            default:
                xml.WriteString(XmlSafe(Text(value)));
                break;
        }
    }

    /// <summary>
    /// Citizens' words may hold characters XML 1.0 cannot carry (control characters, lone surrogates); the
    /// writer would throw half-way through a response. They become U+FFFD, as a browser shows undecodable text.
    /// </summary>
    private static string XmlSafe(string text)
    {
        // Nearly every string is clean: it is returned as it is, without a copy.
        var first = FirstNonXmlChar(text);
        if (first < 0)
        {
            return text;
        }

        var safe = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return safe.ToString();
    }

    /// <summary>Where the first character XML cannot carry is (a lone surrogate counts; a pair does not), or -1.</summary>
    private static int FirstNonXmlChar(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Text(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => Open311Time.Format(time),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
