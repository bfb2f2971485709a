package dev.tether.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptKeyTest {

    @Test
    void rfc6455Section1_3Example() {
        // The value printed in RFC 6455 §1.3 (and §4.2.2, §11.3.3), checked against /work/shared/rfc/rfc6455.txt.
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", AcceptKey.of("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void newClientKeysAreValidAndFresh() {
        String a = AcceptKey.newClientKey();
        String b = AcceptKey.newClientKey();
        assertTrue(AcceptKey.isValidClientKey(a));
        assertTrue(AcceptKey.isValidClientKey(b));
        assertNotEquals(a, b);
        assertEquals(24, a.length());
    }

    @Test
    void keyValidation() {
        assertTrue(AcceptKey.isValidClientKey("dGhlIHNhbXBsZSBub25jZQ=="));
        assertTrue(AcceptKey.isValidClientKey("AAAAAAAAAAAAAAAAAAAAAA=="));
        assertFalse(AcceptKey.isValidClientKey(null));
        assertFalse(AcceptKey.isValidClientKey(""));
        assertFalse(AcceptKey.isValidClientKey("dGhlIHNhbXBsZSBub25jZQ"));    // no padding
        assertFalse(AcceptKey.isValidClientKey("AAAAAAAAAAAAAAAAAAAAAAA="));  // 17 bytes
        assertFalse(AcceptKey.isValidClientKey("AAAAAAAAAAAAAAAAAAAAAAAA"));  // 18 bytes
        assertFalse(AcceptKey.isValidClientKey("dGhlIHNhbXBsZSBub25jZQ-_"));  // URL alphabet, not base64
        assertFalse(AcceptKey.isValidClientKey(" GhlIHNhbXBsZSBub25jZQ=="));
    }
}
