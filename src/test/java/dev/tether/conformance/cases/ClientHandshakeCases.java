package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectDropped;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.cases.HttpSteps.accept;
import static dev.tether.conformance.cases.HttpSteps.expectClientRefuses;
import static dev.tether.conformance.cases.HttpSteps.readClientRequest;
import static dev.tether.conformance.cases.HttpSteps.respond;
import static dev.tether.conformance.cases.HttpSteps.respondSwitchingWith;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.Steps;
import dev.tether.conformance.wire.TestFrame;
import java.time.Duration;
import java.util.List;

/**
 * H (client): the client's side of the opening handshake (RFC 6455 §4.1): its request is checked, and
 * every response it must not accept (§4.1, "the client MUST fail the WebSocket connection") is refused
 * with {@code WebSocketHandshakeException} and the TCP connection closed.
 */
final class ClientHandshakeCases {

    private ClientHandshakeCases() {
    }

    static List<ConformanceCase> all() {
        return List.of(
                clientCase("H.C1", "the client's request is a correct handshake; a correct 101 is accepted and the connection echoes")
                        .steps(readClientRequest(), respondSwitchingWith("alone", run -> new byte[0]),
                                send(TestFrame.text("Hello")), expectText("Hello"), closeNormally()),
                clientCase("H.C2", "a 101 with a wrong Sec-WebSocket-Accept is refused")
                        .steps(readClientRequest(), respond("101 with a wrong accept", r -> response101("Sec-WebSocket-Accept: "
                                + "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n")), expectClientRefuses(101)),
                clientCase("H.C3", "a 200 instead of a 101 is refused")
                        .steps(readClientRequest(), respond("200 OK", r -> "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"),
                                expectClientRefuses(200)),
                clientCase("H.C4", "a 403 is refused, and its status reported")
                        .steps(readClientRequest(), respond("403", r -> "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"),
                                expectClientRefuses(403)),
                clientCase("H.C5", "a 101 without Upgrade: websocket is refused")
                        .steps(readClientRequest(), respond("101 without Upgrade", r -> "HTTP/1.1 101 Switching Protocols\r\n"
                                + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept(r) + "\r\n\r\n"), expectClientRefuses(101)),
                clientCase("H.C6", "a 101 without Connection: Upgrade is refused")
                        .steps(readClientRequest(), respond("101 without Connection", r -> "HTTP/1.1 101 Switching Protocols\r\n"
                                + "Upgrade: websocket\r\nSec-WebSocket-Accept: " + accept(r) + "\r\n\r\n"), expectClientRefuses(101)),
                clientCase("H.C7", "a 101 choosing a subprotocol the client never offered is refused")
                        .steps(readClientRequest(), respond("101 with Sec-WebSocket-Protocol: chat", r -> response101(
                                "Sec-WebSocket-Accept: " + accept(r) + "\r\nSec-WebSocket-Protocol: chat\r\n")), expectClientRefuses(101)),
                clientCase("H.C8", "a 101 with an extension the client never offered is refused")
                        .steps(readClientRequest(), respond("101 with Sec-WebSocket-Extensions: permessage-deflate", r -> response101(
                                "Sec-WebSocket-Accept: " + accept(r) + "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n")),
                                expectClientRefuses(101)),
                clientCase("H.C9", "a 101 with Upgrade: WebSocket and Connection: keep-alive, upgrade (case, lists) is accepted")
                        .steps(readClientRequest(), respond("101 with mixed-case tokens", r -> "HTTP/1.1 101 Switching Protocols\r\n"
                                        + "Upgrade: WebSocket\r\nConnection: keep-alive, upgrade\r\nSec-WebSocket-Accept: " + accept(r) + "\r\n\r\n"),
                                Steps.custom("the connection is open", run -> run.upgraded()),
                                send(TestFrame.text("Hello")), expectText("Hello"), closeNormally()),
                clientCase("H.C10", "a text frame in the same write as the 101 is not lost: it is echoed")
                        .steps(readClientRequest(), respondSwitchingWith("with a text frame right behind it",
                                run -> run.connection().encode(TestFrame.text("early bird"))), expectText("early bird"), closeNormally()),
                clientCase("H.C11", "the server closes TCP right after the 101: the client sees 1006 and closes too")
                        .steps(readClientRequest(), respondSwitchingWith("alone", run -> new byte[0]),
                                Steps.custom("close TCP (FIN)", run -> run.connection().shutdownOutput()),
                                expectDropped(Duration.ofSeconds(2))));
    }

    private static String response101(String extraHeaders) {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + extraHeaders + "\r\n";
    }

    private static ConformanceCase.Builder clientCase(String id, String title) {
        return ConformanceCase.of(id, title).clientOnly().withoutHandshake();
    }
}
