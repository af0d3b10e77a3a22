using CivicConnect.Core.Logging;

namespace CivicConnect.Core.Tests;

public sealed class PiiMaskTests
{
    [Theory]
    [InlineData("inbound from +14035550101", "inbound from +***01")]
    [InlineData("from whatsapp:+14035550199 ok", "from whatsapp:+***99 ok")]
    [InlineData("call (403) 555-0101 now", "call +***01 now")]
    [InlineData("mail jane.doe@example.com please", "mail j***@example.com please")]
    public void Mask_ContactDetails_AreHidden(string text, string expected) => Assert.Equal(expected, PiiMask.Mask(text));

    [Theory]
    [InlineData("status 1042")]
    [InlineData("point 51.0453,-114.0581 in ward 7")]
    [InlineData("issue #100234 escalated")]
    public void Mask_ReferenceNumbersAndCoordinates_AreKept(string text) => Assert.Equal(text, PiiMask.Mask(text));
}
