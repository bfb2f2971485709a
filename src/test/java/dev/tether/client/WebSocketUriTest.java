package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebSocketUriTest {

    @Test
    void wsDefaultsToPort80AndRootPath() {
        WebSocketUri uri = WebSocketUri.parse("ws://example.com");
        assertFalse(uri.secure());
        assertEquals("example.com", uri.host());
        assertEquals(80, uri.port());
        assertEquals("/", uri.path());
        assertNull(uri.query());
        assertEquals("/", uri.requestTarget());
        assertEquals("example.com", uri.hostHeader());
    }

    @Test
    void wssDefaultsToPort443() {
        WebSocketUri uri = WebSocketUri.parse("wss://example.com/chat");
        assertTrue(uri.secure());
        assertEquals(443, uri.port());
        assertEquals("/chat", uri.path());
        assertEquals("example.com", uri.hostHeader());
        assertEquals("example.com:443", uri.authority());
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertTrue(WebSocketUri.parse("WSS://example.com/").secure());
        assertFalse(WebSocketUri.parse("Ws://example.com/").secure());
    }

    @Test
    void pathAndQueryFormTheRequestTargetKeepingTheirEncoding() {
        WebSocketUri uri = WebSocketUri.parse("ws://example.com:8080/a%20b/c?room=x%26y&n=1");
        assertEquals("/a%20b/c", uri.path());
        assertEquals("room=x%26y&n=1", uri.query());
        assertEquals("/a%20b/c?room=x%26y&n=1", uri.requestTarget());
    }

    @Test
    void queryWithoutPathGetsRootPath() {
        assertEquals("/?a=1", WebSocketUri.parse("ws://example.com?a=1").requestTarget());
    }

    @Test
    void hostHeaderCarriesThePortOnlyWhenNotTheDefault() {
        assertEquals("example.com:8080", WebSocketUri.parse("ws://example.com:8080/").hostHeader());
        assertEquals("example.com", WebSocketUri.parse("ws://example.com:80/").hostHeader());
        assertEquals("example.com:443", WebSocketUri.parse("ws://example.com:443/").hostHeader());
        assertEquals("example.com:80", WebSocketUri.parse("wss://example.com:80/").hostHeader());
        assertEquals("example.com", WebSocketUri.parse("wss://example.com:443/").hostHeader());
    }

    @Test
    void ipv6LiteralKeepsBracketsInHostHeaderButNotForConnecting() {
        WebSocketUri uri = WebSocketUri.parse("ws://[::1]:9000/x");
        assertEquals("[::1]", uri.host());
        assertEquals("::1", uri.connectHost());
        assertEquals(9000, uri.port());
        assertEquals("[::1]:9000", uri.hostHeader());
        assertEquals("[::1]:9000", uri.authority());
        assertEquals("[::1]", WebSocketUri.parse("wss://[::1]/").hostHeader());
    }

    @Test
    void fragmentIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebSocketUri.parse("ws://example.com/chat#room"));
        assertTrue(e.getMessage().contains("fragment"), e.getMessage());
        // escaped, '#' is just data
        assertEquals("/chat%23room", WebSocketUri.parse("ws://example.com/chat%23room").path());
    }

    @Test
    void httpAndHttpsAreRefusedWithAHint() {
        IllegalArgumentException http = assertThrows(IllegalArgumentException.class,
                () -> WebSocketUri.parse("http://example.com/"));
        assertTrue(http.getMessage().contains("ws://"), http.getMessage());
        assertTrue(http.getMessage().contains("did you mean ws://"), http.getMessage());
        IllegalArgumentException https = assertThrows(IllegalArgumentException.class,
                () -> WebSocketUri.of(URI.create("https://example.com/")));
        assertTrue(https.getMessage().contains("did you mean wss://"), https.getMessage());
    }

    @Test
    void otherSchemesAndRelativeUrisAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketUri.parse("ftp://example.com/"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketUri.parse("/just/a/path"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketUri.parse("ws:opaque"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketUri.parse("ws:///nohost"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketUri.parse("ws://exa mple.com/"));
        assertThrows(IllegalArgumentException.class, () -> WebSocketUri.parse((String) null));
    }

    @Test
    void userInfoIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebSocketUri.parse("ws://user:secret@example.com/"));
        assertTrue(e.getMessage().contains("user info"), e.getMessage());
    }

    @Test
    void portZeroIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WebSocketUri.parse("ws://example.com:0/"));
    }
}
