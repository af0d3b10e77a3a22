namespace CivicConnect.Server.Features.Open311;

/// <summary>
/// One Open311 element with its fields in the spec's order. The same tree renders as XML and as
/// JSON (the spec's "Spark convention"), so both formats always carry the same fields.
/// Values: null, string, bool, int, long, double, <see cref="DateTimeOffset"/> or a nested <see cref="Open311List"/>.
/// </summary>
internal sealed class Open311Element : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}

/// <summary>A repeated element: <c>&lt;values&gt;&lt;value&gt;…</c> in XML, an array in JSON.</summary>
internal sealed record Open311List(string ItemName, IReadOnlyList<Open311Element> Items);

/// <summary>A whole response: the root element's name and either a list or a single element.</summary>
internal sealed record Open311Document(string RootName, object Root)
{
    public static Open311Document List(string rootName, string itemName, IEnumerable<Open311Element> items) =>
        new(rootName, new Open311List(itemName, items.ToList()));

    public static Open311Document Single(string rootName, Open311Element element) => new(rootName, element);

    /// <summary>The spec's error body: <c>[{"code":400,"description":"…"}]</c> / <c>&lt;errors&gt;&lt;error&gt;…</c>.</summary>
    public static Open311Document Error(int code, string description) =>
        List("errors", "error", [new Open311Element { { "code", code }, { "description", description } }]);
}
