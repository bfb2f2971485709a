package dev.tether.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy same = OriginPolicy.sameOrigin();

    @Test
    void absentOriginIsAccepted() {
        assertTrue(same.permits(null, "example.com", false));
        assertTrue(same.permits(null, null, true));
    }

    @Test
    void sameOriginWithAndWithoutDefaultPorts() {
        assertTrue(same.permits("http://example.com", "example.com", false));
        assertTrue(same.permits("http://example.com", "example.com:80", false));
        assertTrue(same.permits("http://example.com:80", "example.com", false));
        assertTrue(same.permits("https://example.com", "example.com:443", true));
        assertTrue(same.permits("https://example.com:443", "example.com", true));
        assertTrue(same.permits("http://example.com:8080", "example.com:8080", false));
        assertTrue(same.permits("HTTP://Example.COM/", "EXAMPLE.com", false));
    }

    @Test
    void tlsTerminatingProxyDoesNotBreakSameOrigin() {
        // The proxy speaks plain HTTP to the container, but the page and the client's URL are https.
        assertTrue(same.permits("https://example.com", "example.com", false));
    }

    @Test
    void differentHostOrPortIsRefused() {
        assertFalse(same.permits("http://evil.example", "example.com", false));
        assertFalse(same.permits("http://example.com.evil.example", "example.com", false));
        assertFalse(same.permits("http://example.com:8080", "example.com", false));
        assertFalse(same.permits("http://example.com", "example.com:8080", false));
        assertFalse(same.permits("https://example.com", "example.com:80", false));
        assertFalse(same.permits("http://example.com", "example.com:443", true));
        assertFalse(same.permits("http://example.com", "example.com:notaport", false));
        assertFalse(same.permits("http://example.com", null, false));
    }

    @Test
    void ipv6Hosts() {
        assertTrue(same.permits("http://[::1]:8080", "[::1]:8080", false));
        assertTrue(same.permits("http://[::1]", "[::1]", false));
        assertFalse(same.permits("http://[::1]:8080", "[::1]:8081", false));
    }

    @Test
    void nullAndMalformedOriginsAreRefused() {
        assertFalse(same.permits("null", "example.com", false));
        assertFalse(same.permits("", "example.com", false));
        assertFalse(same.permits("example.com", "example.com", false));
        assertFalse(same.permits("file:///etc/passwd", "example.com", false));
        assertFalse(same.permits("http://example.com/path", "example.com", false));
        assertFalse(same.permits("ftp://example.com", "example.com", false));
        assertFalse(same.permits("http://exa mple.com", "example.com", false));
    }

    @Test
    void allowListAddsExactOrigins() {
        OriginPolicy policy = OriginPolicy.allowing(List.of("https://app.example.com", "http://localhost:3000/"));
        assertTrue(policy.permits("https://app.example.com", "api.example.com", true));
        assertTrue(policy.permits("https://APP.example.com:443", "api.example.com", true));
        assertTrue(policy.permits("http://localhost:3000", "api.example.com", true));
        assertFalse(policy.permits("http://app.example.com", "api.example.com", true));
        assertFalse(policy.permits("http://localhost:3001", "api.example.com", true));
        assertFalse(policy.permits("https://evil.example", "api.example.com", true));
        assertTrue(policy.permits("https://api.example.com", "api.example.com", true), "same origin still applies");
        assertFalse(policy.permits("null", "api.example.com", true));
    }

    @Test
    void allowListRejectsEntriesThatAreNotOrigins() {
        assertThrows(IllegalArgumentException.class, () -> OriginPolicy.allowing(List.of("null")));
        assertThrows(IllegalArgumentException.class, () -> OriginPolicy.allowing(List.of("app.example.com")));
    }

    @Test
    void anyAcceptsEverything() {
        assertTrue(OriginPolicy.any().permits("https://evil.example", "example.com", true));
        assertTrue(OriginPolicy.any().permits("null", "example.com", true));
    }
}
