package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The validator must accept exactly what the JDK's strict UTF-8 decoder accepts. */
class Utf8ValidatorJdkAgreementTest {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(16);

    private boolean jdkAccepts(byte[] b) {
        decoder.reset();
        if (chars.capacity() < b.length) chars = CharBuffer.allocate(b.length); // never more chars than bytes
        chars.clear();
        ByteBuffer in = ByteBuffer.wrap(b);
        CoderResult result = decoder.decode(in, chars, true);
        if (result.isError()) return false;
        result = decoder.flush(chars);
        return !result.isError() && !in.hasRemaining();
    }

    private int mismatches;

    private void check(byte[] b) {
        boolean expected = jdkAccepts(b);
        if (Utf8Validator.isValid(b, 0, b.length) != expected) {
            if (++mismatches < 10) System.err.println("mismatch for " + hex(b) + ": JDK says " + expected);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(String.format("%02X ", x & 0xFF));
        return s.toString().trim();
    }

    @Test
    void everyOneAndTwoByteSequence() {
        byte[] one = new byte[1];
        for (int a = 0; a < 256; a++) {
            one[0] = (byte) a;
            check(one);
        }
        byte[] two = new byte[2];
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                two[0] = (byte) a;
                two[1] = (byte) b;
                check(two);
            }
        }
        assertEquals(0, mismatches);
    }

    @Test
    void everyThreeByteSequence() {
        byte[] three = new byte[3];
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    three[0] = (byte) a;
                    three[1] = (byte) b;
                    three[2] = (byte) c;
                    check(three);
                }
            }
        }
        assertEquals(0, mismatches);
    }

    @Test
    void fourByteSequencesWithEveryLeadAndSecondByte() {
        // Every first and second byte against boundary values for the last two (where the rules change).
        int[] edges = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF0, 0xF4, 0xFF};
        byte[] four = new byte[4];
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c : edges) {
                    for (int d : edges) {
                        four[0] = (byte) a;
                        four[1] = (byte) b;
                        four[2] = (byte) c;
                        four[3] = (byte) d;
                        check(four);
                    }
                }
            }
        }
        assertEquals(0, mismatches);
    }

    @Test
    void randomFourByteSequencesBiasedToLeadBytes() {
        Random random = new Random(4);
        byte[] four = new byte[4];
        for (int n = 0; n < 2_000_000; n++) {
            four[0] = (byte) (0xF0 + random.nextInt(16));
            four[1] = (byte) (0x80 + random.nextInt(0x80));
            four[2] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 0x80 + random.nextInt(0x40));
            four[3] = (byte) (random.nextInt(8) == 0 ? random.nextInt(256) : 0x80 + random.nextInt(0x40));
            check(four);
        }
        assertEquals(0, mismatches);
    }

    @Test
    void randomLongMixedText() {
        Random random = new Random(8);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(4);
                int cp = kind == 0 ? random.nextInt(0x80)
                        : kind == 1 ? 0x80 + random.nextInt(0x780)
                        : kind == 2 ? 0x800 + random.nextInt(0xD000) // below the surrogates
                        : 0x10000 + random.nextInt(0x100000);
                s.appendCodePoint(cp);
            }
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            check(b);
            if (b.length > 0) {
                // One corrupted byte: both must agree on the result, whatever it is.
                byte[] corrupted = b.clone();
                corrupted[random.nextInt(b.length)] = (byte) random.nextInt(256);
                check(corrupted);
                // Split feeds must agree with the whole.
                Utf8Validator v = new Utf8Validator();
                int cut = random.nextInt(corrupted.length + 1);
                boolean split = v.feed(corrupted, 0, cut) & v.feed(corrupted, cut, corrupted.length - cut) && v.isComplete();
                if (split != Utf8Validator.isValid(corrupted, 0, corrupted.length)) fail("split differs for " + hex(corrupted));
            }
        }
        assertEquals(0, mismatches);
    }
}
