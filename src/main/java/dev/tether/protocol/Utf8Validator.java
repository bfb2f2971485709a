package dev.tether.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Incremental UTF-8 validation, so that a text message is checked chunk by chunk as it arrives and a bad
 * byte fails the connection at once (RFC 6455 §8.1) instead of after the whole message was buffered.
 *
 * <p>A small state machine over the well-formed byte sequences of Unicode Table 3-7:
 * <pre>
 *   00..7F
 *   C2..DF  80..BF
 *   E0      A0..BF  80..BF
 *   E1..EC  80..BF  80..BF
 *   ED      80..9F  80..BF        (no surrogates)
 *   EE..EF  80..BF  80..BF
 *   F0      90..BF  80..BF  80..BF
 *   F1..F3  80..BF  80..BF  80..BF
 *   F4      80..8F  80..BF  80..BF (nothing above U+10FFFF)
 * </pre>
 * C0, C1 and F5..FF never occur. The restricted second-byte ranges are what exclude overlong forms,
 * surrogates and code points beyond U+10FFFF. Every byte is mapped to one of a dozen classes, and a
 * table gives the next state for (state, class).
 *
 * <p>That table is folded into one {@code long} per byte value (a "shift DFA"): the state is kept as a
 * bit offset (state × 6), and the 6 bits at that offset of the byte's row are the next state's offset,
 * so one step is a single shift ({@code row >>> state}; a long shift only uses the low 6 bits of its
 * distance, so the other rows' bits above never need masking inside a run). The reject state leads to
 * itself, so eight bytes go through without a branch and the check comes once per word. In the accept
 * state, ASCII is skipped 8 bytes at a time.
 *
 * <p>Not thread-safe: one validator per message stream.
 */
public final class Utf8Validator {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    // Byte classes.
    private static final int ASCII = 0;       // 00..7F
    private static final int CONT_LOW = 1;    // 80..8F
    private static final int CONT_MID = 2;    // 90..9F
    private static final int CONT_HIGH = 3;   // A0..BF
    private static final int NEVER = 4;       // C0, C1, F5..FF
    private static final int LEAD2 = 5;       // C2..DF
    private static final int LEAD_E0 = 6;
    private static final int LEAD3 = 7;       // E1..EC, EE..EF
    private static final int LEAD_ED = 8;
    private static final int LEAD_F0 = 9;
    private static final int LEAD4 = 10;      // F1..F3
    private static final int LEAD_F4 = 11;
    private static final int CLASSES = 12;

    // States.
    private static final int ACCEPT = 0;
    private static final int NEED1 = 1;        // one more 80..BF
    private static final int NEED2 = 2;        // two more 80..BF
    private static final int NEED3 = 3;        // three more 80..BF
    private static final int AFTER_E0 = 4;     // A0..BF, then one more
    private static final int AFTER_ED = 5;     // 80..9F, then one more
    private static final int AFTER_F0 = 6;     // 90..BF, then two more
    private static final int AFTER_F4 = 7;     // 80..8F, then two more
    private static final int REJECT = 8;
    private static final int STATES = 9;

    /** Bits per state in a row: 9 states x 6 bits fit a long, and 6 bits hold any offset below 64. */
    private static final int BITS = 6;
    private static final int ACCEPT_BITS = ACCEPT * BITS;
    private static final int REJECT_BITS = REJECT * BITS;
    private static final int STATE_MASK = (1 << BITS) - 1;

    /** For each byte value, the next state's offset for every state, at that state's offset. */
    private static final long[] ROWS = new long[256];

    static {
        byte[] next = transitions();
        for (int b = 0; b < 256; b++) {
            int byteClass = classify(b);
            long row = 0;
            for (int state = 0; state < STATES; state++) {
                row |= (long) (next[state * CLASSES + byteClass] * BITS) << (state * BITS);
            }
            ROWS[b] = row;
        }
    }

    /** The next state for (state, class), at index state × CLASSES + class. */
    private static byte[] transitions() {
        byte[] next = new byte[STATES * CLASSES];
        java.util.Arrays.fill(next, (byte) REJECT); // which includes REJECT -> REJECT for every class
        on(next, ACCEPT, ASCII, ACCEPT);
        on(next, ACCEPT, LEAD2, NEED1);
        on(next, ACCEPT, LEAD_E0, AFTER_E0);
        on(next, ACCEPT, LEAD3, NEED2);
        on(next, ACCEPT, LEAD_ED, AFTER_ED);
        on(next, ACCEPT, LEAD_F0, AFTER_F0);
        on(next, ACCEPT, LEAD4, NEED3);
        on(next, ACCEPT, LEAD_F4, AFTER_F4);
        for (int cont : new int[] {CONT_LOW, CONT_MID, CONT_HIGH}) {
            on(next, NEED1, cont, ACCEPT);
            on(next, NEED2, cont, NEED1);
            on(next, NEED3, cont, NEED2);
        }
        on(next, AFTER_E0, CONT_HIGH, NEED1);
        on(next, AFTER_ED, CONT_LOW, NEED1);
        on(next, AFTER_ED, CONT_MID, NEED1);
        on(next, AFTER_F0, CONT_MID, NEED2);
        on(next, AFTER_F0, CONT_HIGH, NEED2);
        on(next, AFTER_F4, CONT_LOW, NEED2);
        return next;
    }

    private static int classify(int b) {
        if (b < 0x80) return ASCII;
        if (b < 0x90) return CONT_LOW;
        if (b < 0xA0) return CONT_MID;
        if (b < 0xC0) return CONT_HIGH;
        if (b < 0xC2) return NEVER;
        if (b < 0xE0) return LEAD2;
        if (b == 0xE0) return LEAD_E0;
        if (b == 0xED) return LEAD_ED;
        if (b < 0xF0) return LEAD3;
        if (b == 0xF0) return LEAD_F0;
        if (b < 0xF4) return LEAD4;
        if (b == 0xF4) return LEAD_F4;
        return NEVER;
    }

    private static void on(byte[] next, int state, int byteClass, int nextState) {
        next[state * CLASSES + byteClass] = (byte) nextState;
    }

    /** The current state's bit offset in a row. */
    private int state = ACCEPT_BITS;

    /**
     * Checks the next bytes of the stream.
     *
     * @return false as soon as a byte makes the stream invalid; it stays invalid until {@link #reset()}
     */
    public boolean feed(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", array " + b.length);
        }
        long s = state;
        if (s == REJECT_BITS) return false;
        int i = off;
        int end = off + len;
        for (int wordsEnd = end - 8; i <= wordsEnd; i += 8) {
            // ASCII fast path: a whole word with every high bit clear, between characters.
            if (s == ACCEPT_BITS && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) continue;
            s = ROWS[b[i] & 0xFF] >>> s;
            s = ROWS[b[i + 1] & 0xFF] >>> s;
            s = ROWS[b[i + 2] & 0xFF] >>> s;
            s = ROWS[b[i + 3] & 0xFF] >>> s;
            s = ROWS[b[i + 4] & 0xFF] >>> s;
            s = ROWS[b[i + 5] & 0xFF] >>> s;
            s = ROWS[b[i + 6] & 0xFF] >>> s;
            s = ROWS[b[i + 7] & 0xFF] >>> s;
            s &= STATE_MASK;
            if (s == REJECT_BITS) {
                state = REJECT_BITS;
                return false;
            }
        }
        for (; i < end; i++) s = ROWS[b[i] & 0xFF] >>> s;
        state = (int) (s & STATE_MASK);
        return state != REJECT_BITS;
    }

    /** Whether every byte so far was valid and no multi-byte sequence is left open. */
    public boolean isComplete() {
        return state == ACCEPT_BITS;
    }

    /** Whether no invalid byte has been seen (an open sequence at the end still counts as valid here). */
    public boolean isValidSoFar() {
        return state != REJECT_BITS;
    }

    /** Starts over for a new stream. */
    public void reset() {
        state = ACCEPT_BITS;
    }

    /** Whether the bytes are complete, well-formed UTF-8. */
    public static boolean isValid(byte[] b, int off, int len) {
        Utf8Validator v = new Utf8Validator();
        return v.feed(b, off, len) && v.isComplete();
    }
}
