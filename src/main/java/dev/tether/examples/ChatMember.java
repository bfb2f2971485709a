package dev.tether.examples;

import dev.tether.WebSocket;
import dev.tether.session.Threads;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection in the chat room. The room hands it messages without waiting: the connection's own
 * outbound buffer holds what the member has not read yet, and a full buffer means it has fallen too far
 * behind.
 */
public final class ChatMember {

    private static final Logger LOG = Logger.getLogger(ChatMember.class.getName());

    /** What became of a message offered to a member. */
    enum Delivery { QUEUED, TOO_SLOW, GONE }

    private final WebSocket webSocket;
    private final String name;

    ChatMember(WebSocket webSocket, String name) {
        this.webSocket = webSocket;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Queues a message on the connection without waiting. */
    Delivery offer(String message) {
        try {
            return webSocket.trySendMessage(message) ? Delivery.QUEUED : Delivery.TOO_SLOW;
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "chat member " + name + " stopped taking messages");
            return Delivery.GONE;
        }
    }

    /** Closes the connection on a thread of its own: closing may wait on the network, the room must not. */
    void closeSoon(int code, String reason) {
        Threads.start("chat-close", () -> webSocket.close(code, reason));
    }

    @Override
    public String toString() {
        return "ChatMember[" + name + "]";
    }
}
