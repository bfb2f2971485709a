package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator works eight bytes at a time and finishes byte by byte: whatever word boundary a
 * character or a bad byte falls on, and however the input is split into feeds, the verdict must be the
 * JDK's strict decoder's.
 */
class Utf8ValidatorWordBoundariesTest {

    private static final String[] FILLERS = {"a", "é", "€", "😀"};
    private static final String[] PROBES = {
        "", "c3a9", "e282ac", "f09f9880", "f48fbfbf", "e0a080", "edbfbf", "efbfbf", "c280", "dfbf",
        "80", "bf", "c0", "c1", "f5", "ff", "c3", "e282", "f09f98", "f490", "eda0", "e09f", "f08f",
        "c341", "e28241", "f09f9841", "c3a980", "f4908080", "edb080",
    };

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();

    private boolean jdkAccepts(byte[] b) {
        decoder.reset();
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        ByteBuffer in = ByteBuffer.wrap(b);
        CoderResult result = decoder.decode(in, out, true);
        return !result.isError() && !decoder.flush(out).isError() && !in.hasRemaining();
    }

    @Test
    void everyProbeAtEveryOffsetInEveryFillerAgreesWithTheJdk() {
        List<String> mismatches = new ArrayList<>();
        for (String filler : FILLERS) {
            for (String probe : PROBES) {
                for (int before = 0; before <= 12; before++) {
                    for (int after = 0; after <= 10; after += 5) {
                        byte[] b = build(filler, before, probe, after);
                        boolean expected = jdkAccepts(b);
                        if (Utf8Validator.isValid(b, 0, b.length) != expected) {
                            mismatches.add("whole " + filler + "x" + before + " " + probe + " " + filler + "x" + after);
                        }
                        if (byteByByte(b) != expected) {
                            mismatches.add("bytewise " + filler + "x" + before + " " + probe);
                        }
                        for (int cut = 0; cut <= b.length; cut++) {
                            Utf8Validator v = new Utf8Validator();
                            boolean split = v.feed(b, 0, cut) & v.feed(b, cut, b.length - cut) && v.isComplete();
                            if (split != expected) mismatches.add("cut " + cut + " " + filler + "x" + before + " " + probe);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())));
    }

    @Test
    void anAsciiWordInsideACharacterIsRejected() {
        // A lead byte, then a whole word of ASCII, then the continuation bytes: the ASCII fast path must
        // not skip a word while a character is open, wherever the word boundary falls.
        for (String character : new String[] {"é", "€", "😀"}) {
            byte[] c = character.getBytes(StandardCharsets.UTF_8);
            for (int lead = 0; lead < 16; lead++) {
                for (int ascii = 1; ascii <= 17; ascii++) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes("a".repeat(lead).getBytes(StandardCharsets.US_ASCII));
                    out.write(c[0]);
                    out.writeBytes("a".repeat(ascii).getBytes(StandardCharsets.US_ASCII));
                    out.write(c, 1, c.length - 1);
                    byte[] b = out.toByteArray();
                    assertEquals(false, Utf8Validator.isValid(b, 0, b.length), character + " lead at " + lead + ", " + ascii + " ASCII");
                }
            }
        }
    }

    @Test
    void anOffsetStartDoesNotChangeTheVerdict() {
        byte[] inner = build("€", 5, "e282", 0); // ends inside a character
        for (int off = 0; off < 9; off++) {
            byte[] b = new byte[off + inner.length + 3];
            System.arraycopy(inner, 0, b, off, inner.length);
            b[b.length - 3] = (byte) 0xFF; // outside the range: must not be looked at
            Utf8Validator v = new Utf8Validator();
            assertEquals(true, v.feed(b, off, inner.length), "offset " + off);
            assertEquals(false, v.isComplete(), "offset " + off);
        }
    }

    private static boolean byteByByte(byte[] b) {
        Utf8Validator v = new Utf8Validator();
        boolean ok = true;
        for (int i = 0; i < b.length; i++) ok &= v.feed(b, i, 1);
        return ok && v.isComplete();
    }

    private static byte[] build(String filler, int before, String probeHex, int after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(filler.repeat(before).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < probeHex.length(); i += 2) out.write(Integer.parseInt(probeHex.substring(i, i + 2), 16));
        out.writeBytes(filler.repeat(after).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
