package dev.tether.e2e.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseCodes;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketFailedException;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.RawWebSocket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peers that send what no good peer sends: ten thousand pings, frame lengths no memory could hold, data
 * after their close. Each gets a clear answer at once; nobody else notices.
 */
class AbusivePeerFaultTest extends FaultTest {

    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_BINARY = 0x2;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_PING = 0x9;
    private static final int OPCODE_PONG = 0xA;

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aFloodOfTenThousandPings(EmbeddedContainer container) throws Exception {
        startBystander(container);
        try (RawWebSocket victim = RawWebSocket.open(container, "/victim")) {
            int pings = 10_000;
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < pings; i++) {
                batch.writeBytes(RawWebSocket.encode(true, OPCODE_PING, ("p" + i).getBytes(StandardCharsets.US_ASCII)));
                if ((i + 1) % 1000 == 0) {
                    victim.sendRaw(batch.toByteArray());
                    batch.reset();
                }
            }
            victim.sendText("flood over");
            int pongs = 0;
            int last = -1;
            while (true) {
                RawWebSocket.Frame f = victim.read();
                if (f.opcode() == OPCODE_TEXT) {
                    assertEquals("flood over", f.text());
                    break;
                }
                assertEquals(OPCODE_PONG, f.opcode(), "only pongs before the echo");
                int index = Integer.parseInt(f.text().substring(1));
                assertTrue(index > last, "pong p" + index + " after pong p" + last);
                last = index;
                pongs++;
            }
            assertEquals(pings - 1, last, "the last ping must be answered");
            assertTrue(pongs <= pings, pongs + " pongs");
            victim.sendClose(1000, "");
            assertEquals(1000, victim.read().closeCode());
        }
        assertEquals(1000, ((WebSocketClosedException) victimEnd(10).cause()).code());
        assertUnaffected(container);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aLengthClaimOf2To63Minus1IsTooBig(EmbeddedContainer container) throws Exception {
        startBystander(container);
        assertFailedWith(container, header(OPCODE_TEXT, Long.MAX_VALUE), CloseCodes.TOO_BIG);
        assertUnaffected(container);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void aLengthWithTheTopBitSetIsAProtocolError(EmbeddedContainer container) throws Exception {
        startBystander(container);
        assertFailedWith(container, header(OPCODE_BINARY, 0x8000_0000_0000_0010L), CloseCodes.PROTOCOL_ERROR);
        assertUnaffected(container);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void dataAfterTheCloseIsIgnored(EmbeddedContainer container) throws Exception {
        startBystander(container);
        try (RawWebSocket victim = RawWebSocket.open(container, "/victim")) {
            ByteArrayOutputStream after = new ByteArrayOutputStream();
            after.writeBytes(RawWebSocket.encode(true, OPCODE_CLOSE, new byte[] {0x03, (byte) 0xE8}));
            after.writeBytes(RawWebSocket.encode(true, OPCODE_TEXT, "after the close".getBytes(StandardCharsets.UTF_8)));
            byte[] garbage = new byte[16 * 1024];
            ThreadLocalRandom.current().nextBytes(garbage);
            after.writeBytes(garbage);
            try {
                victim.sendRaw(after.toByteArray());
            } catch (IOException e) {
                // the server may close before all the garbage is in: it ignores it either way
            }
            RawWebSocket.Frame answer = victim.read();
            assertEquals(OPCODE_CLOSE, answer.opcode(), "the close is answered, nothing else");
            assertEquals(1000, answer.closeCode());
            assertEnds(victim);
        }
        Ending end = victimEnd(10);
        assertEquals(1000, assertInstanceOf(WebSocketClosedException.class, end.cause()).code());
        assertTrue(victimMessages.isEmpty(), "data after the close reached the handler: " + victimMessages);
        assertUnaffected(container);
    }

    private void assertFailedWith(EmbeddedContainer container, byte[] header, int code) throws Exception {
        try (RawWebSocket victim = RawWebSocket.open(container, "/victim")) {
            victim.sendRaw(header);
            victim.sendRaw(new byte[16]); // a little of the "payload": no more will come
            RawWebSocket.Frame close = victim.read();
            assertEquals(OPCODE_CLOSE, close.opcode());
            assertEquals(code, close.closeCode());
            assertEnds(victim);
        }
        Ending end = victimEnd(10);
        WebSocketFailedException failed = assertInstanceOf(WebSocketFailedException.class, end.cause(),
                () -> "the victim's handler ended with " + end.cause());
        assertEquals(code, failed.closeCode());
    }

    /** A masked frame header with a 64-bit length field holding {@code length}, as it is, and a mask key. */
    private static byte[] header(int opcode, long length) {
        byte[] h = new byte[14];
        h[0] = (byte) (0x80 | opcode);
        h[1] = (byte) (0x80 | 127);
        for (int i = 0; i < 8; i++) h[2 + i] = (byte) (length >>> (56 - 8 * i));
        h[10] = 0x11;
        h[11] = 0x22;
        h[12] = 0x33;
        h[13] = 0x44;
        return h;
    }

    /** After the close frame the server ends TCP: EOF (or a reset), not silence. */
    private static void assertEnds(RawWebSocket victim) throws IOException {
        victim.socket().setSoTimeout(10_000);
        try {
            RawWebSocket.Frame more = victim.read();
            throw new AssertionError("a frame after the close: opcode " + more.opcode());
        } catch (EOFException e) {
            // FIN
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open after the close", e);
        } catch (IOException e) {
            // reset
        }
    }
}
