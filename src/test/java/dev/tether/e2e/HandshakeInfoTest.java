package dev.tether.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.RawWebSocket;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the handler learns of the opening handshake: path, query, headers, cookies, subprotocol, peer. */
class HandshakeInfoTest extends EndToEndTest {

    @Override
    void register(EndpointRegistry registry) {
        registry.register(new Endpoint("/info/*", ws -> ws.sendMessage(String.join("|",
                ws.path(),
                String.valueOf(ws.query()),
                String.valueOf(ws.headers().get("x-test")),
                ws.header("X-TEST"),
                ws.cookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining(",")),
                String.valueOf(ws.subprotocol()),
                ws.remoteAddress().getAddress().getHostAddress())), null, List.of("chat.v2", "chat"), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("containers")
    void theHandlerSeesTheHandshake(EmbeddedContainer container) throws Exception {
        try (Socket socket = RawWebSocket.connect(container)) {
            String request = "GET /info/deep/er?x=1&y=%C3%A9 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + container.port() + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + RawWebSocket.newKey() + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: chat, chat.v2\r\n"
                    + "X-Test: one\r\n"
                    + "x-test: two\r\n"
                    + "Cookie: session=abc123; theme=dark\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            RawWebSocket.Response response = RawWebSocket.readResponseHead(socket.getInputStream());
            assertEquals(101, response.status());
            assertEquals("chat", response.header("sec-websocket-protocol"));
            String info = readTextFrame(socket);
            assertEquals("/info/deep/er|x=1&y=%C3%A9|[one, two]|one|session=abc123,theme=dark|chat|127.0.0.1", info);
        }
    }

    private static String readTextFrame(Socket socket) throws Exception {
        var in = socket.getInputStream();
        int b0 = in.read();
        int len = in.read() & 0x7F;
        if (len == 126) len = (in.read() << 8) | in.read();
        assertEquals(0x81, b0);
        return new String(in.readNBytes(len), StandardCharsets.UTF_8);
    }

}
