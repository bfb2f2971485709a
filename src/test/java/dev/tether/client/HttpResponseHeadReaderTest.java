package dev.tether.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketHandshakeException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseHeadReaderTest {

    private static InputStream stream(String s) {
        return new BufferedInputStream(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static HttpResponseHead read(String s) throws IOException {
        return new HttpResponseHeadReader(stream(s), "server test").read();
    }

    @Test
    void readsStatusLineAndHeaders() throws IOException {
        HttpResponseHead head = read("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection:Upgrade\r\n\r\n");
        assertEquals("HTTP/1.1", head.version());
        assertEquals(101, head.status());
        assertEquals("Switching Protocols", head.reason());
        assertEquals("websocket", head.value("upgrade"));
        assertEquals("Upgrade", head.value("CONNECTION"));
    }

    @Test
    void headerNamesAreCaseInsensitiveAndRepeatedHeadersAreKept() throws IOException {
        HttpResponseHead head = read("HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nX-Empty:\r\n\r\n");
        assertEquals(List.of("a=1", "b=2"), head.values("SET-COOKIE"));
        assertEquals("", head.value("x-empty"));
        assertTrue(head.values("missing").isEmpty());
        assertNull(head.value("missing"));
    }

    @Test
    void statusLineWithoutReasonIsAccepted() throws IOException {
        HttpResponseHead head = read("HTTP/1.1 404\r\n\r\n");
        assertEquals(404, head.status());
        assertEquals("", head.reason());
        assertEquals("404", head.statusLine());
    }

    @Test
    void bareLineFeedsAreTolerated() throws IOException {
        HttpResponseHead head = read("HTTP/1.1 101 OK\nUpgrade: websocket\n\n");
        assertEquals(101, head.status());
        assertEquals("websocket", head.value("Upgrade"));
    }

    @Test
    void bytesAfterTheHeadStayInTheStream() throws IOException {
        byte[] frame = {(byte) 0x81, 0x02, 'h', 'i'};
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        all.write(frame);
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(all.toByteArray()));
        new HttpResponseHeadReader(in, "server test").read();
        assertArrayEquals(frame, in.readAllBytes());
    }

    @Test
    void headLargerThan16KiBIsRefused() {
        StringBuilder s = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
        while (s.length() <= HttpResponseHeadReader.MAX_HEAD_BYTES) s.append("X-Filler: ").append("y".repeat(100)).append("\r\n");
        s.append("\r\n");
        WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class, () -> read(s.toString()));
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
        assertEquals(101, e.status());
    }

    @Test
    void endlessStatusLineIsRefusedWithoutStatus() {
        WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class,
                () -> read("HTTP/1.1 101 " + "z".repeat(20_000)));
        assertEquals(-1, e.status());
    }

    @Test
    void endOfStreamBeforeAnyByteSaysTheServerClosed() {
        WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class, () -> read(""));
        assertEquals(-1, e.status());
        assertTrue(e.getMessage().contains("closed the connection without an HTTP response"), e.getMessage());
    }

    @Test
    void endOfStreamInsideTheHeadIsAnError() {
        WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class,
                () -> read("HTTP/1.1 101 Switching Protocols\r\nUpgrade: webs"));
        assertEquals(101, e.status());
        assertTrue(e.getMessage().contains("middle"), e.getMessage());
    }

    @Test
    void malformedStatusLinesAreRefused() {
        for (String bad : List.of("SSH-2.0-OpenSSH_9.2\r\n\r\n", "HTTP/2 101\r\n\r\n", "HTTP/1.1 1O1 x\r\n\r\n",
                "HTTP/1.1 1010 x\r\n\r\n", "HTTP/1.1\r\n\r\n")) {
            WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class, () -> read(bad), bad);
            assertEquals(-1, e.status(), bad);
            assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        }
    }

    @Test
    void malformedHeaderLinesAreRefused() {
        for (String bad : List.of("no colon here", ": no name", "Bad Name: x", " folded: x")) {
            WebSocketHandshakeException e = assertThrows(WebSocketHandshakeException.class,
                    () -> read("HTTP/1.1 101 OK\r\n" + bad + "\r\n\r\n"), bad);
            assertEquals(101, e.status());
        }
    }
}
