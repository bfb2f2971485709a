package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Hand-picked cases in the spirit of Autobahn TestSuite section 6. */
class Utf8ValidatorCasesTest {

    private static byte[] hex(String hex) {
        String h = hex.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    /** Index of the byte at which byte-by-byte feeding first fails, or -1. */
    private static int failingIndex(byte[] b) {
        Utf8Validator v = new Utf8Validator();
        for (int i = 0; i < b.length; i++) {
            if (!v.feed(b, i, 1)) return i;
        }
        return -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "48656c6c6f",                       // Hello
        "cebae1bdb9cf83cebcceb5",           // κόσμε
        "c280", "dfbf",                     // 2-byte boundaries
        "e0a080", "efbfbf",                 // 3-byte boundaries
        "ed9fbf", "ee8080",                 // around the surrogates
        "f0908080", "f48fbfbf",             // 4-byte boundaries, U+10000 and U+10FFFF
        "efbfbe", "efbfbf", "f09f9880",      // noncharacters are valid UTF-8; an emoji
        "00", "7f",
    })
    void valid(String hex) {
        byte[] b = hex(hex);
        assertTrue(Utf8Validator.isValid(b, 0, b.length), hex);
        assertEquals(-1, failingIndex(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "c0af", "c1bf", "e080af", "e09fbf", "f08080af", "f08fbfbf", // overlongs
        "eda080", "edadbf", "edbfbf", "eda080edb080",                 // surrogates, single and paired
        "f4908080", "f7bfbfbf", "f8888080af", "fc8080808080",         // beyond U+10FFFF, old 5/6-byte forms
        "80", "bf", "8080",                                           // lone continuation bytes
        "fe", "ff", "feff",                                           // never in UTF-8
        "c2", "e0a0", "e1", "f0908f", "f1", "f4",                     // truncated sequences
        "c241", "e0a041", "f09041",                                   // sequences cut by ASCII
        "cebae1bdb9cf83cebcceb5eda080656469746564",                   // Autobahn 6.4.x: valid, then a surrogate
    })
    void invalid(String hex) {
        byte[] b = hex(hex);
        assertFalse(Utf8Validator.isValid(b, 0, b.length), hex);
    }

    @Test
    void failsAtTheFirstImpossibleByte() {
        assertEquals(1, failingIndex(hex("f490")));                  // 0xF4 0x90 is already beyond U+10FFFF
        assertEquals(1, failingIndex(hex("eda0")));                  // a surrogate is known at its second byte
        assertEquals(1, failingIndex(hex("e09f")));                  // overlong known at the second byte
        assertEquals(0, failingIndex(hex("c0")));
        assertEquals(0, failingIndex(hex("f5")));
        assertEquals(12, failingIndex(hex("cebae1bdb9cf83cebcceb5f4908080")));
        assertEquals(-1, failingIndex(hex("e1bd")));                 // incomplete, not (yet) invalid
    }

    @Test
    void incompleteSequenceIsValidSoFarButNotComplete() {
        Utf8Validator v = new Utf8Validator();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertTrue(v.feed(euro, 0, 2));
        assertTrue(v.isValidSoFar());
        assertFalse(v.isComplete());
        assertTrue(v.feed(euro, 2, 1));
        assertTrue(v.isComplete());
    }

    @Test
    void failureIsStickyUntilReset() {
        Utf8Validator v = new Utf8Validator();
        assertFalse(v.feed(hex("ff"), 0, 1));
        assertFalse(v.feed(hex("41"), 0, 1));
        assertFalse(v.isComplete());
        assertFalse(v.isValidSoFar());
        v.reset();
        assertTrue(v.feed(hex("41"), 0, 1));
        assertTrue(v.isComplete());
    }

    @Test
    void asciiFastPathStopsAtTheFirstNonAsciiByteAnywhereInAWord() {
        for (int pos = 0; pos < 40; pos++) {
            byte[] b = new byte[40];
            java.util.Arrays.fill(b, (byte) 'a');
            b[pos] = (byte) 0xFF;
            assertEquals(pos, firstInvalidWholeFeed(b), "bad byte at " + pos);
            b[pos] = (byte) 0xC3; // a lead byte followed by 'a' fails one later
            assertEquals(pos + 1 < 40 ? pos + 1 : -1, failingIndex(b));
        }
    }

    private static int firstInvalidWholeFeed(byte[] b) {
        // Whole feed must fail, and the byte-wise reference says where.
        assertFalse(new Utf8Validator().feed(b, 0, b.length));
        return failingIndex(b);
    }

    @Test
    void respectsOffsetAndLength() {
        byte[] b = hex("ff48656c6c6f2c20776f726c6421ff");
        assertTrue(Utf8Validator.isValid(b, 1, b.length - 2));
        assertFalse(Utf8Validator.isValid(b, 0, b.length - 1));
    }
}
