package dev.tether.load.servers;

import dev.tether.WebSocket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tether's broadcast for the chatroom scenario, built like {@code dev.tether.examples.ChatRoom} without
 * the chat's JSON events: messages go into one queue, and whichever caller finds nobody distributing hands
 * each to every member with {@link WebSocket#trySendMessage(byte[])} (queued on the connection without
 * waiting; one thread does a burst's writes, no thread per member). A member whose outbound buffer is full
 * is dropped (the benchmark counts that as lost deliveries).
 */
final class BroadcastRoom {

    private final CopyOnWriteArraySet<WebSocket> members = new CopyOnWriteArraySet<>();
    private final ConcurrentLinkedQueue<byte[]> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean distributing = new AtomicBoolean();

    WebSocket join(WebSocket ws) {
        members.add(ws);
        return ws;
    }

    void leave(WebSocket member) {
        members.remove(member);
    }

    /** Every member gets the messages in one order: only one caller distributes at a time. */
    void broadcast(byte[] message) {
        pending.add(message);
        while (!pending.isEmpty() && distributing.compareAndSet(false, true)) {
            try {
                byte[] next;
                while ((next = pending.poll()) != null) sendToAll(next);
            } finally {
                distributing.set(false);
            }
        }
    }

    private void sendToAll(byte[] message) {
        List<WebSocket> dropped = null;
        for (WebSocket member : members) {
            boolean queued;
            try {
                queued = member.trySendMessage(message);
            } catch (IOException e) {
                queued = false;
            }
            if (!queued) {
                if (dropped == null) dropped = new ArrayList<>();
                dropped.add(member);
            }
        }
        if (dropped != null) {
            members.removeAll(dropped);
            for (WebSocket member : dropped) member.close(1008, "too slow");
        }
    }
}
