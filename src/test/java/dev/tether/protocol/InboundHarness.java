package dev.tether.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tether.WebSocketFailedException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Feeds an input to a fresh {@link InboundProtocol} in many ways: whole, one byte at a time, random
 * splits with fixed seeds, heap and direct buffers. Every way must give the same events and the same
 * failure; {@link #run} checks that and returns the outcome.
 */
final class InboundHarness {

    static final long DEFAULT_LIMIT = 16L * 1024 * 1024;

    /** What came out: the events in order, and the failure (null if none). */
    record Outcome(List<String> events, Integer failureCode, String failureMessage, int failedAtByte) {
        Outcome assertNoFailure() {
            assertNull(failureCode, () -> "unexpected failure: " + failureMessage);
            return this;
        }

        Outcome assertFailure(int code) {
            assertNotNull(failureCode, "expected a failure with " + code + "; events: " + events);
            assertEquals(code, failureCode, failureMessage);
            return this;
        }

        Outcome assertEvents(String... expected) {
            assertEquals(List.of(expected), events);
            return this;
        }
    }

    /** Records the listener events as readable strings. */
    static class Recorder implements InboundListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onText(String text) {
            events.add("text:" + (text.length() > 200 ? text.length() + " chars, hash " + text.hashCode() : text));
        }

        @Override
        public void onBinary(byte[] data) {
            events.add("binary:" + (data.length > 64 ? data.length + " bytes, hash " + java.util.Arrays.hashCode(data) : Hex.of(data)));
        }

        @Override
        public void onPing(byte[] payload) {
            events.add("ping:" + Hex.of(payload));
        }

        @Override
        public void onPong(byte[] payload) {
            events.add("pong:" + Hex.of(payload));
        }

        @Override
        public void onClose(int code, String reason) {
            events.add("close:" + code + ":" + reason);
        }
    }

    private InboundHarness() {
    }

    static Outcome server(byte[] input) {
        return run(Role.SERVER, DEFAULT_LIMIT, DEFAULT_LIMIT, input);
    }

    static Outcome client(byte[] input) {
        return run(Role.CLIENT, DEFAULT_LIMIT, DEFAULT_LIMIT, input);
    }

    /** Runs every way of feeding and asserts they agree; returns the outcome of the byte-by-byte run. */
    static Outcome run(Role role, long maxFrame, long maxMessage, byte[] input) {
        Outcome whole = feed(role, maxFrame, maxMessage, input, new int[] {input.length}, false);
        Outcome byteWise = feed(role, maxFrame, maxMessage, input, ones(input.length), false);
        assertSame(whole, byteWise, "one byte at a time");
        Outcome directByteWise = feed(role, maxFrame, maxMessage, input, ones(input.length), true);
        assertSame(whole, directByteWise, "one byte at a time, direct");
        assertEquals(byteWise.failedAtByte, directByteWise.failedAtByte, "failure position, direct");
        assertSame(whole, feed(role, maxFrame, maxMessage, input, new int[] {input.length}, true), "whole, direct");
        for (long seed = 1; seed <= 12; seed++) {
            boolean direct = seed % 3 == 0;
            int[] splits = randomSplits(input.length, new Random(seed));
            assertSame(whole, feed(role, maxFrame, maxMessage, input, splits, direct), "random splits, seed " + seed);
        }
        return byteWise;
    }

    private static void assertSame(Outcome expected, Outcome actual, String how) {
        assertEquals(expected.events, actual.events, how);
        assertEquals(expected.failureCode, actual.failureCode, how + ": " + actual.failureMessage);
    }

    private static int[] ones(int n) {
        int[] s = new int[n];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    /** Chunk sizes summing to n: mostly small, sometimes large. */
    static int[] randomSplits(int n, Random random) {
        List<Integer> sizes = new ArrayList<>();
        int left = n;
        while (left > 0) {
            int size = random.nextInt(4) == 0 ? 1 + random.nextInt(Math.max(1, left)) : 1 + random.nextInt(Math.min(left, 17));
            size = Math.min(size, left);
            sizes.add(size);
            left -= size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    static Outcome feed(Role role, long maxFrame, long maxMessage, byte[] input, int[] splits, boolean direct) {
        Recorder recorder = new Recorder();
        InboundProtocol protocol = new InboundProtocol(role, maxFrame, maxMessage, recorder);
        byte[] copy = input.clone(); // the protocol unmasks in place
        int pos = 0;
        for (int size : splits) {
            ByteBuffer chunk;
            if (direct) {
                chunk = ByteBuffer.allocateDirect(size);
                chunk.put(copy, pos, size).flip();
            } else {
                // A window into the whole array (position != 0), or a slice of it (arrayOffset != 0).
                chunk = ByteBuffer.wrap(copy, pos, size);
                if ((pos & 1) == 1) chunk = chunk.slice();
            }
            try {
                protocol.receive(chunk);
            } catch (WebSocketFailedException e) {
                assertEquals(chunk.limit(), chunk.position(), "consumed on failure");
                return new Outcome(recorder.events, e.closeCode(), e.getMessage(), pos + size - 1);
            }
            assertEquals(chunk.limit(), chunk.position(), "every byte consumed");
            pos += size;
        }
        return new Outcome(recorder.events, null, null, -1);
    }
}
