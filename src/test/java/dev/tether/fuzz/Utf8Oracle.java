package dev.tether.fuzz;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What is valid UTF-8, decided by the JDK's strict decoder (which rejects overlong forms, surrogates and
 * code points above U+10FFFF): the independent judge for {@code Utf8Validator} and the reference decoder.
 */
final class Utf8Oracle {

    private Utf8Oracle() {
    }

    private static CharsetDecoder strict() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Whether {@code b[off, off+len)} is complete, well-formed UTF-8. */
    static boolean isValid(byte[] b, int off, int len) {
        try {
            strict().decode(ByteBuffer.wrap(b, off, len));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Whether {@code b[0, len)} can still be the beginning of valid UTF-8: some bytes appended to it would
     * make it valid. This is exactly when a fail-fast validator may not yet reject the stream.
     *
     * <p>The JDK decoder, asked with "more input may follow", reports a definite error as malformed and
     * leaves an unfinished trailing sequence unread. But it does not judge every unfinished sequence early
     * (it accepts {@code ED A0}, which can only become a surrogate), so the tail is settled by trying its
     * completions. Only the byte right after a lead byte is restricted (Unicode Table 3-7), to a union of
     * the ranges 80..8F, 90..9F and A0..BF, and every later byte must be 80..BF; so completing with one byte
     * from each range ({@code x}, {@code x 80}, {@code x 80 80} for x in 80, 90, A0) covers every case.
     */
    static boolean isValidPrefix(byte[] b, int len) {
        return isValidPrefix(b, 0, len);
    }

    /** {@link #isValidPrefix(byte[], int)} for {@code b[off, end)}, where {@code off} is a character boundary. */
    static boolean isValidPrefix(byte[] b, int off, int end) {
        CharsetDecoder decoder = strict();
        ByteBuffer in = ByteBuffer.wrap(b, off, end - off);
        CharBuffer out = CharBuffer.allocate(end - off + 1);
        CoderResult result = decoder.decode(in, out, false);
        if (result.isError()) return false;
        int tailLength = in.remaining();
        if (tailLength == 0) return true;
        if (tailLength > 3) return false; // cannot happen for an unfinished sequence; be strict
        byte[] tail = new byte[4];
        in.get(tail, 0, tailLength);
        for (int extra = 1; tailLength + extra <= 4; extra++) {
            for (int x : new int[] {0x80, 0x90, 0xA0}) {
                tail[tailLength] = (byte) x;
                for (int k = 1; k < extra; k++) tail[tailLength + k] = (byte) 0x80;
                if (isValid(tail, 0, tailLength + extra)) return true;
            }
        }
        return false;
    }

    /** The index of the first byte of {@code b[from, len)} after which {@code b} is no longer a valid prefix, or -1. */
    static int firstInvalidByte(byte[] b, int from, int len) {
        return firstInvalidByte(b, 0, from, len);
    }

    /**
     * The index of the first byte of {@code b[from, end)} at which {@code b[off, ...)} stops being a valid
     * prefix, or -1; {@code off} is a character boundary and {@code b[off, from)} is a valid prefix.
     */
    static int firstInvalidByte(byte[] b, int off, int from, int end) {
        if (isValidPrefix(b, off, end)) return -1;
        // Validity of prefixes is monotonic (once broken, always broken): binary search for the first break.
        int lo = from;      // b[off, lo) is a valid prefix (b[off, from) is, by the caller's contract)
        int hi = end;       // b[off, hi) is not
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (isValidPrefix(b, off, mid)) lo = mid;
            else hi = mid;
        }
        return hi - 1;
    }

    /**
     * How many bytes of the valid prefix {@code b[off, end)} form whole characters (where an unfinished
     * last character starts), so that a stream can be checked piece by piece from there.
     */
    static int completeLength(byte[] b, int off, int end) {
        ByteBuffer in = ByteBuffer.wrap(b, off, end - off);
        strict().decode(in, CharBuffer.allocate(end - off + 1), false);
        return in.position() - off;
    }
}
