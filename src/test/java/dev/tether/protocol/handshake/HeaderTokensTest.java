package dev.tether.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderTokensTest {

    @Test
    void splitsCommaListsAcrossValuesSkippingEmptyTokens() {
        assertEquals(List.of("keep-alive", "Upgrade", "x"), HeaderTokens.split(List.of(" keep-alive ,Upgrade", ",,", "x,")));
        assertEquals(List.of(), HeaderTokens.split(null));
        assertEquals(List.of("a"), HeaderTokens.split(Arrays.asList(null, "a")));
    }

    @Test
    void containsIsCaseInsensitiveAndWholeToken() {
        assertTrue(HeaderTokens.contains(List.of("keep-alive, UPGRADE"), "upgrade"));
        assertFalse(HeaderTokens.contains(List.of("upgraded"), "upgrade"));
        assertFalse(HeaderTokens.contains(List.of(), "upgrade"));
    }

    @Test
    void containsFoldsAsciiCaseOnly() {
        // Found by ServerHandshakeFuzzTest: equalsIgnoreCase took these for "websocket".
        assertFalse(HeaderTokens.contains(List.of("web\u017Focket"), "websocket"), "U+017F LATIN SMALL LETTER LONG S");
        assertFalse(HeaderTokens.contains(List.of("WEBSOC\u212AET"), "websocket"), "U+212A KELVIN SIGN");
        assertTrue(HeaderTokens.contains(List.of("WebSocket"), "websocket"));
    }
}
