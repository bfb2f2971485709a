package dev.tether.examples;

import dev.tether.WebSocket;
import dev.tether.session.Threads;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection in the chat room: its own bounded queue of outgoing messages and its own writer thread,
 * so that a member who reads slowly (or not at all) only ever delays itself. The room offers messages
 * without waiting; a full queue means the member has fallen too far behind, and the room drops it.
 */
public final class ChatMember {

    private static final Logger LOG = Logger.getLogger(ChatMember.class.getName());

    /** Wakes a writer waiting on an empty queue so that it sees it must stop. Compared by identity. */
    private static final String WAKE_UP = new String("wake up");

    private final WebSocket webSocket;
    private final String name;
    private final BlockingQueue<String> outgoing;
    private final AtomicBoolean active = new AtomicBoolean(true);

    ChatMember(WebSocket webSocket, String name, int queueCapacity) {
        this.webSocket = webSocket;
        this.name = name;
        this.outgoing = new ArrayBlockingQueue<>(queueCapacity);
    }

    public String name() {
        return name;
    }

    WebSocket webSocket() {
        return webSocket;
    }

    /** Starts the writer; {@code onSendFailure} is told when the connection refuses a message. */
    void startWriter(Consumer<ChatMember> onSendFailure) {
        Threads.start("chat-writer", () -> write(onSendFailure));
    }

    /** Queues a message without waiting: false when the queue is full. */
    boolean offer(String message) {
        return outgoing.offer(message);
    }

    /**
     * Stops the writer and frees the queued messages at once: a dropped member's memory must not wait for
     * its connection to finish closing. Returns false when already stopped.
     */
    boolean stop() {
        if (!active.compareAndSet(true, false)) return false;
        outgoing.clear();
        outgoing.offer(WAKE_UP);
        return true;
    }

    /** Closes the connection on a thread of its own: closing may wait on the network, the room must not. */
    void closeSoon(int code, String reason) {
        Threads.start("chat-close", () -> webSocket.close(code, reason));
    }

    private void write(Consumer<ChatMember> onSendFailure) {
        try {
            while (true) {
                String message = outgoing.take();
                if (!active.get()) return;
                webSocket.sendMessage(message);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "chat member " + name + " stopped taking messages");
            onSendFailure.accept(this);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ChatMember[" + name + "]";
    }
}
