using CivicConnect.Core.Logging;

namespace CivicConnect.Core.Tests;

public sealed class PiiMaskTests
{
    [Theory]
    [InlineData("inbound from +14035550101", "inbound from +***01")]
    [InlineData("from whatsapp:+14035550199 ok", "from whatsapp:+***99 ok")]
    [InlineData("call (403) 555-0101 now", "call +***01 now")]
    [InlineData("mail jane.doe@example.com please", "mail j***@example.com please")]
    [InlineData("wa_id 14035550101 sent", "wa_id +***01 sent")]
    [InlineData("{\"wa_id\":\"447700900123\"}", "{\"wa_id\":\"+***23\"}")]
    public void Mask_ContactDetails_AreHidden(string text, string expected) => Assert.Equal(expected, PiiMask.Mask(text));

    [Theory]
    [InlineData("status 1042")]
    [InlineData("point 51.0453,-114.0581 in ward 7")]
    [InlineData("issue #100234 escalated")]
    [InlineData("point 51.04530000001,-114.05810000002")]
    [InlineData("message SM0123456789012345678901234567abcd delivered")]
    public void Mask_ReferenceNumbersAndCoordinates_AreKept(string text) => Assert.Equal(text, PiiMask.Mask(text));
}
