package dev.tether.examples;

import dev.tether.CloseCodes;
import dev.tether.WebSocket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat room: every message goes to every member, in the same order for all. Any server-side code can
 * speak in it with {@link #distributeMessage(String)}.
 *
 * <p>Never waits on a member: each has a bounded queue and a writer thread of its own
 * ({@link ChatMember}); the room only offers messages to the queues. One lock orders the offers (so all
 * members see the same conversation) and is never held while anything is sent on the network. A member
 * whose queue is full is dropped with 1008 "too slow: message queue full"; the others carry on, and the
 * memory the room holds stays bounded: members x queue capacity.
 */
@ApplicationScoped
public class ChatRoom {

    /** Messages a member may have waiting before it counts as too slow. */
    public static final int DEFAULT_QUEUE_CAPACITY = 256;

    static final String TOO_SLOW = "too slow: message queue full";

    private final int queueCapacity;
    private final AtomicInteger guests = new AtomicInteger();
    /** Guarded by itself: membership changes and every offer to the queues happen under this lock. */
    private final Set<ChatMember> members = new LinkedHashSet<>();

    public ChatRoom() {
        this(DEFAULT_QUEUE_CAPACITY);
    }

    public ChatRoom(int queueCapacity) {
        if (queueCapacity < 1) throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
        this.queueCapacity = queueCapacity;
    }

    /**
     * Sends {@code text} to every member as a notice from the server ({@code {"type":"notice",...}}). For
     * any Java code: a moderator, a scheduled job, an admin page.
     */
    public void distributeMessage(String text) {
        broadcast(ChatEvents.notice(text));
    }

    /** Adds a connection under {@code name} (a guest name when null) and tells everyone, the newcomer too. */
    public ChatMember join(WebSocket webSocket, String name) {
        ChatMember member = new ChatMember(webSocket, name != null ? name : "guest-" + guests.incrementAndGet(), queueCapacity);
        member.startWriter(this::leave);
        synchronized (members) {
            members.add(member);
            broadcastLocked(ChatEvents.joined(member.name(), members.size()));
        }
        return member;
    }

    /** Something a member said, sent to everyone. Ignored once the member has left or was dropped. */
    public void post(ChatMember from, String text) {
        synchronized (members) {
            if (members.contains(from)) broadcastLocked(ChatEvents.message(from.name(), text));
        }
    }

    /** Removes a member (its connection ended) and tells the others. Harmless when it is gone already. */
    public void leave(ChatMember member) {
        synchronized (members) {
            if (!members.remove(member)) return;
            member.stop();
            broadcastLocked(ChatEvents.left(member.name(), members.size()));
        }
    }

    /** How many members are in the room now. */
    public int online() {
        synchronized (members) {
            return members.size();
        }
    }

    /** When the application stops: stop every writer and close every member with 1001. */
    @PreDestroy
    void shutDown() {
        List<ChatMember> leaving;
        synchronized (members) {
            leaving = new ArrayList<>(members);
            members.clear();
        }
        for (ChatMember member : leaving) {
            member.stop();
            member.closeSoon(CloseCodes.GOING_AWAY, "server shutting down");
        }
    }

    private void broadcast(String event) {
        synchronized (members) {
            broadcastLocked(event);
        }
    }

    /**
     * Offers an event to every queue. Dropping a member announces its departure, which is offered in turn
     * (and may find another member too slow): a work list, so every member gets the events in one order.
     */
    private void broadcastLocked(String first) {
        Deque<String> events = new ArrayDeque<>();
        events.add(first);
        while (!events.isEmpty()) {
            String event = events.poll();
            List<ChatMember> tooSlow = new ArrayList<>(0);
            for (ChatMember member : members) {
                if (!member.offer(event)) tooSlow.add(member);
            }
            for (ChatMember member : tooSlow) {
                members.remove(member);
                member.stop();
                member.closeSoon(CloseCodes.POLICY_VIOLATION, TOO_SLOW);
            }
            for (ChatMember member : tooSlow) {
                events.add(ChatEvents.left(member.name(), members.size()));
            }
        }
    }
}
