namespace CivicConnect.LoadGen;

/// <summary>
/// The fuzzer's vocabulary: boundary and hostile values for strings, numbers, dates, ids and
/// paths. A seeded <see cref="Random"/> picks among them, so a run can be repeated exactly.
/// </summary>
internal sealed class HostileValues(Random random)
{
    private static readonly string[] Strings =
    [
        "", " ", "\0", "a\0b", "\u0001\u0002\u001f", "\r\n\r\n", "😀🚧🕳️", "\u202Eevil\u202C", "e\u0301\u0301\u0301", "\uFEFF",
        "' OR 1=1 --", "\"; DROP TABLE reports; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://127.0.0.1/a}",
        "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%00", "%", "%%", "\\\\server\\share", "C:\\Windows\\win.ini",
        "null", "true", "[]", "{}", "NaN", "-Infinity", "1e309", "-0", "0x7fffffff",
        "+15875550100", "+", "+1", "whatsapp:+15875550100", "tel:911", "sip:a@b",
        "http://127.0.0.1:5098/x", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data", "javascript:alert(1)",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "99999999999999999999999999999", "1.5", "1e10", "-0", "NaN", "", " 1", "１２３", "0x10", "1_000",
    ];

    private static readonly string[] Dates =
    [
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59+14:00", "9999-12-31", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00-14:00",
        "2026-13-45", "2026-02-30T25:61:61Z", "not a date", "", "1970-01-01", "-0001-01-01", "+275760-09-13T00:00:00Z",
        "2026-12-04T12:00:00.123456789123Z", "17649999999999", "2026-12-04T12:00:00Z/2026-12-05",
    ];

    public string String() => random.Next(10) switch
    {
        0 => new string('A', random.Next(1, 4) switch { 1 => 129, 2 => 5_001, _ => 70_000 }),
        1 => RandomText(random.Next(1, 200)),
        2 => Number(),
        3 => Date(),
        _ => Strings[random.Next(Strings.Length)],
    };

    public string Number() => Numbers[random.Next(Numbers.Length)];

    public string Date() => Dates[random.Next(Dates.Length)];

    /// <summary>An id for a path segment: too long, traversal, unicode, empty-ish, or a plain random one.</summary>
    public string Id() => random.Next(7) switch
    {
        0 => new string('x', 129 + random.Next(0, 2_000)),
        1 => "..%2F..%2F..%2Fetc%2Fpasswd",
        2 => "%2e%2e",
        3 => Uri.EscapeDataString(Strings[random.Next(Strings.Length)]) is { Length: > 0 } s ? s : "%20",
        4 => Number(),
        5 => Uri.EscapeDataString("😀" + RandomText(10)),
        _ => Guid.NewGuid().ToString("N"),
    };

    /// <summary>A media path: traversal in its many spellings, or nonsense.</summary>
    public string MediaPath() => random.Next(8) switch
    {
        0 => "../../../../etc/passwd",
        1 => "..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        2 => "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        3 => "..\\..\\..\\appsettings.json",
        4 => "%00.jpg",
        5 => "photos/" + new string('a', 5_000) + ".jpg",
        6 => "/etc/passwd",
        _ => Uri.EscapeDataString(String()) is { Length: > 0 and < 8_000 } s ? s : "x",
    };

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public bool Chance(int percent) => random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public int Next(int max) => random.Next(max);

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            // Any code point of the BMP except lone surrogates (they cannot be sent as UTF-8).
            char c;
            do
            {
                c = (char)random.Next(0, 0xFFFF);
            }
            while (char.IsSurrogate(c));
            chars[i] = c;
        }

        return new string(chars);
    }
}
