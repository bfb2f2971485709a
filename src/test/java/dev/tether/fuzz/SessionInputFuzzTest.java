package dev.tether.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tether.Message;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketException;
import dev.tether.fuzz.Chunks.BufferKind;
import dev.tether.protocol.Role;
import dev.tether.session.InMemoryTransport;
import dev.tether.session.SessionTestAccess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The server session ({@code WebSocketSession} over the tests' {@link InMemoryTransport}) fed arbitrary
 * bytes, with the application sending, pinging, closing and reading in between. Invariants:
 * <ul>
 *   <li>{@code onData} never throws;</li>
 *   <li>everything written parses as valid server frames (unmasked, minimal lengths, valid UTF-8, valid
 *       close payload), ends at a frame boundary and holds at most one close frame, which is the last;</li>
 *   <li>that close frame is the right one: the failure's code (1002, 1007, 1009) when the input broke the
 *       protocol first, the echo of the peer's code when the peer closed first, the application's code when
 *       it closed first, and none when nobody closed (according to {@link ReferenceDecoder});</li>
 *   <li>the data frames written are exactly the application's successful sends, every pong answers a ping
 *       that arrived, and the messages read are exactly those completed before the connection closed.</li>
 * </ul>
 * The transport contract is kept: once {@code onData} returns false (the inbox is full) no input is pushed
 * until the session asks to resume.
 *
 * <p>Input layout: flags (bits 0-1 buffer kind), maxMessageSize and maxFrameSize (u16 each, low 13 bits, plus
 * one), maxInboundBufferBytes (u16 plus one), action count (low 4 bits) and two bytes per action (kind mod 6:
 * feed that many bytes, send a text, send a binary, ping, close with a code, read up to that many
 * messages), then the wire bytes; whatever the actions did not feed is fed at the end.
 */
class SessionInputFuzzTest {

    private static final int[] APP_CLOSE_CODES = {1000, 1001, 1008, 1011, 3000, 4999};

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void serverSessionStaysWellBehaved(byte[] data) throws Exception {
        FuzzInput in = new FuzzInput(data);
        int flags = in.u8();
        BufferKind kind = BufferKind.of(flags);
        WebSocketConfig config = WebSocketConfig.builder()
                .maxMessageSize(1 + (in.u16() & 0x1FFF))
                .maxFrameSize(1 + (in.u16() & 0x1FFF))
                .maxInboundBufferBytes(1 + in.u16())
                .pingInterval(Duration.ZERO)
                // Short, so that the sessions the timer still holds (see the report on failConnection) stay few.
                .closeTimeout(Duration.ofMillis(200))
                .build();
        int actionCount = in.u8() & 0x0F;
        int[][] actions = new int[actionCount][];
        for (int i = 0; i < actionCount; i++) actions[i] = new int[] {in.u8() % 6, in.u8()};
        byte[] wire = in.rest();

        Driver d = new Driver(InMemoryTransport.server(config), kind, wire);
        try {
            for (int[] action : actions) d.act(action[0], action[1]);
            d.feed(wire.length - d.fed);
            d.read(Integer.MAX_VALUE);
            d.check(config);
        } finally {
            d.transport.abort();
        }
    }

    /** Runs the actions against one session and remembers what should come of them. */
    private static final class Driver {
        final InMemoryTransport transport;
        /** The input as the peer sent it. */
        final byte[] wire;
        /** The bytes handed to the session (which unmasks heap buffers in place). */
        private final Chunks.Source stream;
        int fed;
        boolean paused;
        int resumesSeen;
        /** Bytes fed when the application closed, or -1. */
        int appCloseAt = -1;
        int appCloseCode;
        final List<String> sent = new ArrayList<>();
        final List<String> read = new ArrayList<>();

        Driver(InMemoryTransport transport, BufferKind kind, byte[] wire) {
            this.transport = transport;
            this.wire = wire;
            this.stream = kind.over(wire.clone());
        }

        void act(int action, int param) throws IOException {
            switch (action) {
                case 0:
                    feed(param);
                    break;
                case 1:
                    send(Message.text("é".repeat(param & 7) + "x".repeat(param)));
                    break;
                case 2: {
                    byte[] b = new byte[param];
                    for (int i = 0; i < param; i++) b[i] = (byte) (i * 7);
                    send(Message.binary(b));
                    break;
                }
                case 3:
                    try {
                        transport.session.ping();
                    } catch (WebSocketClosedException closed) {
                        // pinging a closed connection is refused; nothing is written
                    }
                    break;
                case 4:
                    if (appCloseAt < 0) {
                        appCloseAt = fed;
                        appCloseCode = APP_CLOSE_CODES[param % APP_CLOSE_CODES.length];
                    }
                    transport.session.close(appCloseCode, "app");
                    break;
                default:
                    read(param);
            }
        }

        void send(Message message) throws IOException {
            try {
                transport.session.sendMessage(message);
                sent.add(describe(message));
            } catch (WebSocketClosedException closed) {
                // sending on a closed connection is refused; nothing is written
            }
        }

        /** Pushes the next {@code n} wire bytes, unless the session asked to pause. */
        void feed(int n) {
            int resumes = SessionTestAccess.resumes(transport);
            if (resumes != resumesSeen) {
                resumesSeen = resumes;
                paused = false;
            }
            if (paused) return;
            int end = Math.min(wire.length, fed + n);
            boolean keepReading;
            try {
                keepReading = transport.session.onData(stream.chunk(fed, end));
            } catch (Throwable t) {
                throw new AssertionError("onData threw", t);
            }
            fed = end;
            paused = !keepReading;
        }

        /** Reads up to {@code max} messages that are already there. */
        void read(int max) {
            for (int i = 0; i < max; i++) {
                try {
                    read.add(describe(transport.session.readMessage(Duration.ofNanos(1))));
                } catch (WebSocketException noMoreNow) {
                    return; // timeout (nothing there yet), or the connection has ended
                } catch (IOException e) {
                    throw new AssertionError("readMessage: unexpected " + e, e);
                }
            }
        }

        void check(WebSocketConfig config) {
            byte[] output = SessionTestAccess.written(transport);
            ReferenceDecoder.Outcome written = ReferenceDecoder.decode(Role.CLIENT, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, output);
            String context = "written: " + written + "; sent " + sent + "; app close at " + appCloseAt;
            assertNull(written.failureCode, () -> "output is not valid server frames: " + context);
            assertFalse(written.truncated, () -> "output ends inside a frame: " + context);
            assertFalse(written.messageOpen, () -> "output ends inside a fragmented message: " + context);
            if (written.closed) {
                assertEquals(output.length - 1, written.decisiveByte(), () -> "bytes after the close frame: " + context);
            }

            byte[] input = java.util.Arrays.copyOf(wire, fed);
            ReferenceDecoder.Outcome received = ReferenceDecoder.decode(Role.SERVER, config.maxFrameSize(), config.maxMessageSize(), input);
            String expectedClose = expectedClose(received);
            String fullContext = context + "; received: " + received;

            List<String> writtenData = new ArrayList<>();
            List<String> pings = new ArrayList<>();
            for (String e : received.events) if (e.startsWith("ping:")) pings.add("pong:" + e.substring(5));
            String writtenClose = null;
            for (String e : written.events) {
                if (e.startsWith("text:") || e.startsWith("binary:")) writtenData.add(e);
                else if (e.startsWith("pong:")) assertTrue(pings.contains(e), () -> "pong answers no ping: " + e + "; " + fullContext);
                else if (e.startsWith("close:")) writtenClose = e;
            }
            assertEquals(sent, writtenData, () -> "data frames written: " + fullContext);
            if (expectedClose == null) {
                assertNull(writtenClose, () -> "close frame though nobody closed: " + fullContext);
            } else if (expectedClose.endsWith(":app")) {
                assertEquals(expectedClose, writtenClose, () -> "close frame: " + fullContext);
            } else {
                String actual = writtenClose;
                assertTrue(actual != null && (actual.startsWith(expectedClose) && (!expectedClose.equals("close:1005:") || actual.equals(expectedClose))),
                        () -> "close frame " + actual + ", expected " + expectedClose + "...: " + fullContext);
            }

            // Messages completed before the connection's end (or the application's close) reach the reader.
            int cutoff = appCloseAt >= 0 ? appCloseAt : Integer.MAX_VALUE;
            List<String> expectedRead = new ArrayList<>();
            for (int i = 0; i < received.events.size(); i++) {
                String e = received.events.get(i);
                if ((e.startsWith("text:") || e.startsWith("binary:")) && received.eventBytes.get(i) < cutoff) expectedRead.add(e);
            }
            assertEquals(expectedRead, read, () -> "messages read: " + fullContext);
        }

        /**
         * The start of the close frame the session must have written ("close:CODE:"), or null for none:
         * decided by whichever came first, the input (its failure, or the peer's close frame) or the
         * application's close.
         */
        private String expectedClose(ReferenceDecoder.Outcome received) {
            int decisive = received.decisiveByte();
            boolean inputFirst = decisive >= 0 && (appCloseAt < 0 || decisive < appCloseAt);
            if (inputFirst && received.failureCode != null) return "close:" + received.failureCode + ":";
            if (inputFirst) {
                String peerClose = received.events.get(received.events.size() - 1); // "close:CODE:reason"
                return peerClose.substring(0, peerClose.indexOf(':', "close:".length()) + 1);
            }
            return appCloseAt >= 0 ? "close:" + appCloseCode + ":app" : null;
        }

        private static String describe(Message m) {
            return m.isText() ? "text:" + m.text() : "binary:" + EventLog.hex(m.bytes());
        }
    }
}
