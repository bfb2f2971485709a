package dev.tether.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The subprotocol is the client's first offer that the server supports. */
class ServerHandshakeSubprotocolTest {

    private static HandshakeResponse evaluate(List<String> supported, String... offerLines) {
        FakeRequest request = FakeRequest.valid();
        for (String line : offerLines) request.header("Sec-WebSocket-Protocol", line);
        return ServerHandshake.evaluate(request, supported, OriginPolicy.sameOrigin());
    }

    @Test
    void clientOrderDecides() {
        HandshakeResponse response = evaluate(List.of("chat", "superchat"), "superchat, chat");
        assertTrue(response.accepted());
        assertEquals("superchat", response.subprotocol());
        assertEquals("superchat", response.headers().get("Sec-WebSocket-Protocol"));
    }

    @Test
    void offersAcrossSeveralHeaderLinesCountInOrder() {
        assertEquals("b", evaluate(List.of("c", "b"), "a", "b, c").subprotocol());
        assertEquals("c", evaluate(List.of("c"), "a, b", "c").subprotocol());
    }

    @Test
    void noCommonSubprotocolMeansNoHeaderButStillAccepted() {
        HandshakeResponse response = evaluate(List.of("chat"), "mqtt, graphql-ws");
        assertTrue(response.accepted());
        assertNull(response.subprotocol());
        assertFalse(response.headers().containsKey("Sec-WebSocket-Protocol"));
    }

    @Test
    void noOfferOrNoSupportMeansNoHeader() {
        assertNull(evaluate(List.of("chat")).subprotocol());
        assertNull(evaluate(List.of(), "chat").subprotocol());
        assertFalse(evaluate(List.of(), "chat").headers().containsKey("Sec-WebSocket-Protocol"));
    }

    @Test
    void namesAreComparedExactly() {
        assertNull(evaluate(List.of("chat"), "Chat").subprotocol());
        assertEquals("chat", evaluate(List.of("chat"), " chat ,").subprotocol());
    }

    @Test
    void headerOrderOnAcceptance() {
        HandshakeResponse response = evaluate(List.of("chat"), "chat");
        assertEquals(List.of("Upgrade", "Connection", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol"),
                List.copyOf(response.headers().keySet()));
    }
}
