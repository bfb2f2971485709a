package dev.tether.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tether.WebSocketFailedException;
import dev.tether.fuzz.Chunks.BufferKind;
import dev.tether.protocol.InboundProtocol;
import dev.tether.protocol.ProtocolTestAccess;
import dev.tether.protocol.Role;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes, cut arbitrarily, into {@link InboundProtocol} in both roles. Invariants:
 * <ul>
 *   <li>the only exception is {@link WebSocketFailedException}, with 1002, 1007 or 1009 (1011 would be
 *       our bug); after it every call throws the same code and nothing more is delivered;</li>
 *   <li>after a close frame nothing more is delivered, and further input is ignored;</li>
 *   <li>no message exceeds maxMessageSize, and the assembly buffer never holds more than the limit
 *       (nor more than 64 KiB before the data is there), and is released after a failure;</li>
 *   <li>every byte handed over is consumed;</li>
 *   <li>the events and the failure are the same whether the bytes come whole or cut up (any cut, heap
 *       window, heap slice or direct buffer), and the same as the plainly written
 *       {@link ReferenceDecoder} says.</li>
 * </ul>
 *
 * <p>Input layout: flags (bits 0-1 buffer kind, bit 7 large limits of 16 MiB), maxMessageSize (u16, low 13
 * bits: up to 8 KiB), maxFrameSize (same), the cut ({@link Chunks}), then the wire bytes.
 */
class InboundProtocolFuzzTest {

    static final long LARGE_LIMIT = 16L * 1024 * 1024;
    /** InboundProtocol reserves at most this much before the data is there, whatever a header claims. */
    private static final int UP_FRONT_LIMIT = 64 * 1024;
    private static final Set<Integer> PEER_FAULT_CODES = Set.of(1002, 1007, 1009);

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void serverReceives(byte[] data) {
        check(Role.SERVER, data);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void clientReceives(byte[] data) {
        check(Role.CLIENT, data);
    }

    private static void check(Role role, byte[] data) {
        FuzzInput in = new FuzzInput(data);
        int flags = in.u8();
        long maxMessage = in.u16() & 0x1FFF;
        long maxFrame = in.u16() & 0x1FFF;
        if ((flags & 0x80) != 0) {
            maxMessage = LARGE_LIMIT;
            maxFrame = LARGE_LIMIT;
        }
        Chunks chunks = Chunks.read(in);
        byte[] wire = in.rest();

        ReferenceDecoder.Outcome expected = ReferenceDecoder.decode(role, maxFrame, maxMessage, wire);
        Run whole = Run.feed(role, maxFrame, maxMessage, wire, Chunks.whole(), BufferKind.HEAP_WINDOW);
        String context = role + " maxFrame " + maxFrame + " maxMessage " + maxMessage + ", reference: " + expected;
        assertEquals(expected.events, whole.log.events, () -> "events, fed whole; " + context);
        assertEquals(expected.failureCode, whole.failureCode, () -> "failure, fed whole: " + whole.failureMessage + "; " + context);
        if (expected.failureCode == null) {
            assertEquals(expected.closed, whole.protocol.isCloseReceived(), () -> "close received; " + context);
            assertEquals(expected.messageOpen, whole.protocol.isMessageOpen(), () -> "message open; " + context);
        }

        Run split = Run.feed(role, maxFrame, maxMessage, wire, chunks, BufferKind.of(flags));
        assertEquals(whole.log.events, split.log.events, () -> "events, whole vs split; " + context);
        assertEquals(whole.failureCode, split.failureCode, () -> "failure, whole vs split: " + split.failureMessage + "; " + context);
    }

    /** One feeding of the wire bytes, checking the invariants after every chunk. */
    private static final class Run {
        final EventLog log;
        final InboundProtocol protocol;
        Integer failureCode;
        String failureMessage;

        private Run(EventLog log, InboundProtocol protocol) {
            this.log = log;
            this.protocol = protocol;
        }

        static Run feed(Role role, long maxFrame, long maxMessage, byte[] wire, Chunks chunks, BufferKind kind) {
            EventLog log = new EventLog(maxMessage);
            Run run = new Run(log, new InboundProtocol(role, maxFrame, maxMessage, log));
            byte[] stream = wire.clone(); // the protocol unmasks heap buffers in place
            Chunks.Source source = kind.over(stream);
            List<int[]> cuts = chunks.cut(stream.length);
            long fed = 0;
            boolean restAtOnce = false;
            for (int i = 0; i < cuts.size(); i++) {
                int[] cut = cuts.get(i);
                if (restAtOnce) {
                    // Dead after a failure: one more chunk, then all the rest at once, is proof enough
                    // (every call builds an exception, and thousands of one-byte calls would only cost speed).
                    cut = new int[] {cut[0], stream.length};
                    i = cuts.size();
                }
                ByteBuffer chunk = source.chunk(cut[0], cut[1]);
                int eventsBefore = log.events.size();
                boolean closedBefore = run.protocol.isCloseReceived();
                Integer failedBefore = run.failureCode;
                try {
                    run.protocol.receive(chunk);
                    if (failedBefore != null) fail("receive after a failure (" + failedBefore + ") returned normally");
                } catch (WebSocketFailedException e) {
                    int code = e.closeCode();
                    if (!PEER_FAULT_CODES.contains(code)) {
                        throw new AssertionError("failed with close code " + code + " (only 1002, 1007, 1009 are the peer's fault): " + e.getMessage(), e);
                    }
                    if (failedBefore != null) {
                        assertEquals(failedBefore.intValue(), code, "a dead protocol must keep failing with the same code");
                    } else {
                        run.failureCode = code;
                        run.failureMessage = e.getMessage();
                    }
                }
                assertFalse(chunk.hasRemaining(), "every byte handed over is consumed");
                if (failedBefore != null) restAtOnce = true;
                if (closedBefore || failedBefore != null) {
                    assertEquals(eventsBefore, log.events.size(), "nothing is delivered after a close frame or a failure");
                }
                fed += cut[1] - cut[0];
                int capacity = ProtocolTestAccess.assemblyCapacity(run.protocol);
                long bound = Math.min(maxMessage, Math.max(UP_FRONT_LIMIT, 2 * fed));
                if (capacity > bound) {
                    fail("assembly buffer of " + capacity + " bytes after " + fed + " bytes of input exceeds " + bound
                            + " (maxMessageSize " + maxMessage + ")");
                }
                if (run.failureCode != null) assertEquals(0, capacity, "the assembly buffer is released after a failure");
            }
            if (run.failureCode == null) assertTrue(fed == wire.length);
            return run;
        }
    }
}
