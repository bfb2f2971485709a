package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.cases.HttpSteps.expectClientError;
import static dev.tether.conformance.cases.HttpSteps.expectRefusal;
import static dev.tether.conformance.cases.HttpSteps.expectSwitch;
import static dev.tether.conformance.cases.HttpSteps.request;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.wire.TestFrame;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * H: the server's side of the opening handshake (RFC 6455 §4.2): a correct request is switched, every
 * broken one refused with the right status and never a 101; header tokens are case-insensitive comma
 * lists; the subprotocol is chosen from the client's offer; a foreign Origin is refused (same-origin policy).
 */
final class HandshakeCases {

    private HandshakeCases() {
    }

    static List<ConformanceCase> server() {
        List<ConformanceCase> cases = new ArrayList<>();
        TestFrame hello = TestFrame.text("Hello");
        cases.add(serverCase("H.1", "a correct request is answered 101 with the right accept, and the connection echoes")
                .steps(HttpSteps.send(request()), expectSwitch(null), send(hello), expectText("Hello"), closeNormally()));
        cases.add(serverCase("H.2", "a request without Sec-WebSocket-Key is refused with 400")
                .steps(HttpSteps.send(request().without("Sec-WebSocket-Key")), expectRefusal(400)));
        cases.add(serverCase("H.3", "a Sec-WebSocket-Key that is not base64 is refused with 400")
                .steps(HttpSteps.send(request().set("Sec-WebSocket-Key", "not a key!")), expectRefusal(400)));
        String fifteen = Base64.getEncoder().encodeToString(new byte[15]);
        cases.add(serverCase("H.4", "a Sec-WebSocket-Key of 15 bytes (not 16) is refused with 400")
                .steps(HttpSteps.send(request().set("Sec-WebSocket-Key", fifteen)), expectRefusal(400)));
        cases.add(serverCase("H.5", "two Sec-WebSocket-Key headers are refused with 400")
                .steps(HttpSteps.send(request().add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")), expectRefusal(400)));
        cases.add(serverCase("H.6", "Sec-WebSocket-Version 8 is refused with 426 and Sec-WebSocket-Version: 13")
                .steps(HttpSteps.send(request().set("Sec-WebSocket-Version", "8")), expectRefusal(426, "Sec-WebSocket-Version: 13")));
        cases.add(serverCase("H.7", "a request without Sec-WebSocket-Version is refused with 426 and Sec-WebSocket-Version: 13")
                .steps(HttpSteps.send(request().without("Sec-WebSocket-Version")), expectRefusal(426, "Sec-WebSocket-Version: 13")));
        cases.add(serverCase("H.8", "an HTTP/1.1 request without Host is refused with 400")
                .steps(HttpSteps.send(request().without("Host")), expectRefusal(400)));
        cases.add(serverCase("H.9", "an HTTP/1.0 request, all WebSocket headers present, is never switched (4xx)")
                .steps(HttpSteps.send(request().version("HTTP/1.0")), expectClientError()));
        cases.add(serverCase("H.10", "Connection: keep-alive, Upgrade (a comma list) is accepted")
                .steps(HttpSteps.send(request().set("Connection", "keep-alive, Upgrade")), expectSwitch(null), closeNormally()));
        cases.add(serverCase("H.11", "Connection: upgrade and Upgrade: WebSocket (other cases) are accepted")
                .steps(HttpSteps.send(request().set("Connection", "upgrade").set("Upgrade", "WebSocket")), expectSwitch(null),
                        closeNormally()));
        cases.add(serverCase("H.12", "Upgrade: example/1, websocket (a comma list) is accepted")
                .steps(HttpSteps.send(request().set("Upgrade", "example/1, websocket")), expectSwitch(null), closeNormally()));
        cases.add(serverCase("H.13", "Connection on two header lines (keep-alive; Upgrade) is accepted")
                .steps(HttpSteps.send(request().set("Connection", "keep-alive").add("Connection", "Upgrade")), expectSwitch(null),
                        closeNormally()));
        cases.add(serverCase("H.14", "a request without Upgrade: websocket is never switched")
                .steps(HttpSteps.send(request().without("Upgrade")), expectClientError()));
        cases.add(serverCase("H.15", "a request without Connection: Upgrade is refused with 400")
                .steps(HttpSteps.send(request().set("Connection", "keep-alive")), expectRefusal(400)));
        cases.add(serverCase("H.16", "POST with the upgrade headers is refused with 405")
                .steps(HttpSteps.send(request().method("POST")), expectRefusal(405)));
        cases.add(serverCase("H.17", "a path no endpoint serves is refused with 404")
                .steps(HttpSteps.send(request().path("/nothing-here")), expectRefusal(404)));

        cases.add(serverCase("H.18", "subprotocols: offered chat.v1, chat.v2 to an endpoint speaking both: the client's first, chat.v1")
                .steps(HttpSteps.send(request().path("/chat").add("Sec-WebSocket-Protocol", "chat.v1, chat.v2")),
                        expectSwitch("chat.v1"), send(hello), expectText("Hello"), closeNormally()));
        cases.add(serverCase("H.19", "subprotocols: an offer the endpoint does not speak gets a 101 without Sec-WebSocket-Protocol")
                .steps(HttpSteps.send(request().path("/chat").add("Sec-WebSocket-Protocol", "mqtt")), expectSwitch(null),
                        closeNormally()));
        cases.add(serverCase("H.20", "subprotocols: offers on two header lines count together")
                .steps(HttpSteps.send(request().path("/chat").add("Sec-WebSocket-Protocol", "mqtt").add("Sec-WebSocket-Protocol", "chat.v2")),
                        expectSwitch("chat.v2"), closeNormally()));
        cases.add(serverCase("H.21", "subprotocols: names are case-sensitive, CHAT.V1 is not chat.v1")
                .steps(HttpSteps.send(request().path("/chat").add("Sec-WebSocket-Protocol", "CHAT.V1")), expectSwitch(null),
                        closeNormally()));
        cases.add(serverCase("H.22", "subprotocols: an endpoint without subprotocols answers an offer without Sec-WebSocket-Protocol")
                .steps(HttpSteps.send(request().add("Sec-WebSocket-Protocol", "chat.v1")), expectSwitch(null), closeNormally()));

        cases.add(serverCase("H.23", "same-origin policy: a foreign Origin is refused with 403")
                .steps(HttpSteps.send(request().add("Origin", "http://evil.example")), expectRefusal(403)));
        cases.add(serverCase("H.24", "same-origin policy: the server's own origin is accepted")
                .steps(HttpSteps.send(request().add("Origin", "http://127.0.0.1:{port}")), expectSwitch(null), closeNormally()));
        cases.add(serverCase("H.25", "same-origin policy: the opaque Origin \"null\" is refused with 403")
                .steps(HttpSteps.send(request().add("Origin", "null")), expectRefusal(403)));
        cases.add(serverCase("H.26", "same-origin policy: same host on another port is refused with 403")
                .steps(HttpSteps.send(request().add("Origin", "http://127.0.0.1:1")), expectRefusal(403)));
        cases.add(serverCase("H.27", "an offered extension (permessage-deflate) is not accepted: 101 without Sec-WebSocket-Extensions")
                .steps(HttpSteps.send(request().add("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits")),
                        expectSwitch(null), send(hello), expectText("Hello"), closeNormally()));
        cases.add(serverCase("H.28", "a GET without any upgrade headers is answered 426 with Upgrade: websocket, never 101")
                .steps(HttpSteps.send(request().without("Upgrade").without("Connection").without("Sec-WebSocket-Key")
                        .without("Sec-WebSocket-Version")), expectRefusal(426, "Upgrade: websocket")));
        return cases;
    }

    private static ConformanceCase.Builder serverCase(String id, String title) {
        return ConformanceCase.of(id, title).serverOnly().withoutHandshake();
    }
}
