package dev.tether.load.servers;

import dev.tether.Message;
import dev.tether.WebSocket;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketHandler;
import dev.tether.protocol.handshake.OriginPolicy;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import java.util.List;

/**
 * What Tether serves in the load benchmark, on either container: {@code /echo} (the README's echo handler,
 * {@code ws.runWith(ws::sendMessage)}) and {@code /broadcast} (every message to every connection, through
 * a {@link BroadcastRoom}). Limits are raised to let the 16 MiB messages through; everything else is the
 * default configuration.
 */
final class TetherEndpoints {

    static final int MAX_MESSAGE = 20 * 1024 * 1024;

    static final WebSocketConfig CONFIG = WebSocketConfig.defaults().toBuilder()
            .maxFrameSize(MAX_MESSAGE)
            .maxMessageSize(MAX_MESSAGE)
            .build();

    static final WebSocketHandler ECHO = ws -> ws.runWith(ws::sendMessage);

    private TetherEndpoints() {
    }

    static WebSocketHandler broadcast(BroadcastRoom room) {
        return ws -> {
            WebSocket member = room.join(ws);
            try {
                while (true) {
                    Message message = ws.readMessage();
                    room.broadcast(message.bytes());
                }
            } catch (WebSocketClosedException e) {
                // the client left
            } finally {
                room.leave(member);
            }
        };
    }

    static EndpointRegistry registry() {
        BroadcastRoom room = new BroadcastRoom();
        return new EndpointRegistry()
                .register(new Endpoint("/echo", ECHO, CONFIG, List.of(), OriginPolicy.any()))
                .register(new Endpoint("/broadcast", broadcast(room), CONFIG, List.of(), OriginPolicy.any()));
    }
}
