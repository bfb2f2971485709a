package dev.tether;

/** What {@link WebSocket#runWith} calls for each incoming message. */
@FunctionalInterface
public interface MessageHandler {
    void onMessage(Message message) throws Exception;
}
