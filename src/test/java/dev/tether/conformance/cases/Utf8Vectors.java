package dev.tether.conformance.cases;

import dev.tether.conformance.wire.FrameReader;
import dev.tether.conformance.wire.Hex;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte sequences for the single-message UTF-8 cases 6.5 to 6.23, grouped as Autobahn groups them (after
 * Markus Kuhn's UTF-8 stress test): each a payload and whether it is valid UTF-8 (RFC 3629). Written out
 * here from the UTF-8 rules; every label is checked against the JDK's strict decoder when the list is
 * built, so a mislabelled vector cannot pass unnoticed.
 */
final class Utf8Vectors {

    /** One payload of a case. */
    record Vector(String id, String title, byte[] bytes, boolean valid) {
    }

    private final List<Vector> vectors = new ArrayList<>();

    private Utf8Vectors() {
    }

    static List<Vector> all() {
        Utf8Vectors v = new Utf8Vectors();
        v.group("6.5", true, "valid text",
                "ce ba e1 bd b9 cf 83 ce bc ce b5", // κόσμε
                "f0 90 80 80",                      // U+10000, the first supplementary character
                "f0 9f 98 80 20 f0 9f 8c 8d",        // two emoji and a space
                "e4 b8 ad e6 96 87 2c 20 d7 a2 d7 91 d7 a8 d7 99 d7 aa", // CJK and Hebrew
                "48 65 6c 6c 6f 2d c2 b5 40 c3 9f c3 b6 c3 a4 c3 bc c3 a0 c3 a1 2d 55 54 46 2d 38 21 21");

        // 6.6: every prefix of κόσμε: valid exactly when it ends at a character boundary.
        byte[] kosme = Hex.parse("ce ba e1 bd b9 cf 83 ce bc ce b5");
        for (int n = 1; n <= kosme.length; n++) {
            byte[] prefix = java.util.Arrays.copyOf(kosme, n);
            boolean boundary = n == 2 || n == 5 || n == 7 || n == 9 || n == 11;
            v.add("6.6." + n, "the first " + n + " bytes of κόσμε", prefix, boundary);
        }

        v.group("6.7", true, "first possible sequence of its length", "00", "c2 80", "e0 a0 80", "f0 90 80 80");
        v.group("6.8", false, "first 5- or 6-byte sequence (not UTF-8 since RFC 3629)", "f8 88 80 80 80", "fc 84 80 80 80 80");
        v.group("6.9", true, "last possible sequence of its length", "7f", "df bf", "ef bf bf", "f4 8f bf bf");
        v.group("6.10", false, "last 4-, 5- or 6-byte pattern (beyond U+10FFFF)", "f7 bf bf bf", "fb bf bf bf bf", "fd bf bf bf bf bf");
        v.add("6.11.1", "U+D7FF, just below the surrogates", Hex.parse("ed 9f bf"), true);
        v.add("6.11.2", "U+E000, just above the surrogates", Hex.parse("ee 80 80"), true);
        v.add("6.11.3", "U+FFFD, the replacement character", Hex.parse("ef bf bd"), true);
        v.add("6.11.4", "U+10FFFF, the last code point", Hex.parse("f4 8f bf bf"), true);
        v.add("6.11.5", "U+110000, beyond the last code point", Hex.parse("f4 90 80 80"), false);

        v.group("6.12", false, "unexpected continuation bytes",
                "80", "bf", "80 bf", "80 bf 80", "80 bf 80 bf", "80 bf 80 bf 80", "80 bf 80 bf 80 bf", allContinuationBytes());
        v.group("6.13", false, "lonely start bytes, each followed by a space",
                starts(0xc0, 0xdf), starts(0xe0, 0xef), starts(0xf0, 0xf7), starts(0xf8, 0xfb), starts(0xfc, 0xfd));
        String[] truncated = {"c0", "e0 80", "f0 80 80", "f8 80 80 80", "fc 80 80 80 80", "df", "ef bf", "f7 bf bf",
            "fb bf bf bf", "fd bf bf bf bf"};
        v.group("6.14", false, "sequence with its last continuation byte missing", truncated);
        v.add("6.15.1", "all of 6.14 concatenated", Hex.parse(String.join(" ", truncated)), false);
        v.group("6.16", false, "bytes that never appear in UTF-8", "fe", "ff", "fe fe ff ff");
        v.group("6.17", false, "overlong encodings of '/'", "c0 af", "e0 80 af", "f0 80 80 af", "f8 80 80 80 af", "fc 80 80 80 80 af");
        v.group("6.18", false, "maximum overlong sequences", "c1 bf", "e0 9f bf", "f0 8f bf bf", "f8 87 bf bf bf", "fc 83 bf bf bf bf");
        v.group("6.19", false, "overlong encodings of NUL", "c0 80", "e0 80 80", "f0 80 80 80", "f8 80 80 80 80", "fc 80 80 80 80 80");
        v.group("6.20", false, "a single UTF-16 surrogate",
                "ed a0 80", "ed ad bf", "ed ae 80", "ed af bf", "ed b0 80", "ed be 80", "ed bf bf");
        v.group("6.21", false, "a paired UTF-16 surrogate",
                "ed a0 80 ed b0 80", "ed a0 80 ed bf bf", "ed ad bf ed b0 80", "ed ad bf ed bf bf",
                "ed ae 80 ed b0 80", "ed ae 80 ed bf bf", "ed af bf ed b0 80", "ed af bf ed bf bf");

        // 6.22: noncharacters U+nFFFE and U+nFFFF of every plane are valid UTF-8 (Unicode corrigendum #9).
        int n = 0;
        for (int plane = 0; plane <= 16; plane++) {
            for (int last : new int[] {0xFFFE, 0xFFFF}) {
                int cp = (plane << 16) | last;
                v.add("6.22." + (++n), String.format("noncharacter U+%04X", cp), new String(Character.toChars(cp))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
            }
        }
        v.add("6.23.1", "U+FFFD, the replacement character, alone", Hex.parse("ef bf bd"), true);
        v.add("6.23.2", "noncharacter U+FDD0, first of its block", Hex.parse("ef b7 90"), true);
        v.add("6.23.3", "noncharacter U+FDEF, last of its block", Hex.parse("ef b7 af"), true);
        v.add("6.23.4", "a byte order mark, U+FEFF", Hex.parse("ef bb bf"), true);
        v.add("6.23.5", "U+FFFD between ASCII", Hex.parse("61 ef bf bd 62"), true);
        v.add("6.23.6", "an invalid byte right after valid text", Hex.parse("61 62 63 ff"), false);
        v.add("6.23.7", "a surrogate after a 4-byte character", Hex.parse("f0 9f 98 80 ed a0 80"), false);
        return v.vectors;
    }

    private void group(String prefix, boolean valid, String title, String... hexes) {
        for (int i = 0; i < hexes.length; i++) add(prefix + "." + (i + 1), title, Hex.parse(hexes[i]), valid);
    }

    private void add(String id, String title, byte[] bytes, boolean valid) {
        if (FrameReader.isUtf8(bytes, 0, bytes.length) != valid) {
            throw new IllegalStateException("vector " + id + " (" + Hex.of(bytes) + ") is labelled " + (valid ? "valid" : "invalid")
                    + " but the JDK disagrees");
        }
        vectors.add(new Vector(id, title, bytes, valid));
    }

    private static String allContinuationBytes() {
        StringBuilder s = new StringBuilder();
        for (int b = 0x80; b <= 0xbf; b++) s.append(Integer.toHexString(b)).append(' ');
        return s.toString().trim();
    }

    private static String starts(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int b = from; b <= to; b++) s.append(Integer.toHexString(b)).append(" 20 ");
        return s.toString().trim();
    }
}
