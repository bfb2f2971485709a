package dev.tether.examples;

import dev.tether.CloseCodes;
import dev.tether.WebSocket;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat room: every message goes to every member, in the same order for all. Any server-side code can
 * speak in it with {@link #distributeMessage(String)}.
 *
 * <p>Never waits on a member, and needs no thread of its own: events (joins, lines, leaves) go into one
 * queue, and whichever caller finds nobody distributing takes the queue over and hands each event to
 * every member with {@link WebSocket#trySendMessage}, which queues it on the connection without waiting.
 * So all members see one order, one thread does the writes of a burst (as Netty's or Jetty's fan-out
 * does), and no lock is held while anything is written. A member whose outbound buffer is full (it has
 * fallen {@link dev.tether.WebSocketConfig#maxOutboundBufferBytes() 64 KiB} behind) is dropped with 1008
 * "too slow: send buffer full"; the others carry on, and the memory the room holds stays bounded: members
 * x outbound buffer.
 */
@ApplicationScoped
public class ChatRoom {

    static final String TOO_SLOW = "too slow: send buffer full";

    private final AtomicInteger guests = new AtomicInteger();
    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean distributing = new AtomicBoolean();
    /** Only the distributing thread touches it. */
    private final Set<ChatMember> members = new LinkedHashSet<>();
    private volatile int online;

    /**
     * Sends {@code text} to every member as a notice from the server ({@code {"type":"notice",...}}). For
     * any Java code: a moderator, a scheduled job, an admin page.
     */
    public void distributeMessage(String text) {
        submit(new Event(Kind.SAY, null, ChatEvents.notice(text)));
    }

    /** Adds a connection under {@code name} (a guest name when null) and tells everyone, the newcomer too. */
    public ChatMember join(WebSocket webSocket, String name) {
        ChatMember member = new ChatMember(webSocket, name != null ? name : "guest-" + guests.incrementAndGet());
        submit(new Event(Kind.JOIN, member, null));
        return member;
    }

    /** Something a member said, sent to everyone. Ignored once the member has left or was dropped. */
    public void post(ChatMember from, String text) {
        submit(new Event(Kind.SAY, from, ChatEvents.message(from.name(), text)));
    }

    /** Removes a member (its connection ended) and tells the others. Harmless when it is gone already. */
    public void leave(ChatMember member) {
        submit(new Event(Kind.LEAVE, member, null));
    }

    /** How many members are in the room now. */
    public int online() {
        return online;
    }

    /** When the application stops: close every member with 1001. */
    @PreDestroy
    void shutDown() {
        submit(new Event(Kind.SHUT_DOWN, null, null));
    }

    private void submit(Event event) {
        events.add(event);
        // Whoever finds nobody distributing distributes, until the queue is empty; a caller that finds
        // someone at it leaves its event to them.
        while (!events.isEmpty() && distributing.compareAndSet(false, true)) {
            try {
                Event next;
                while ((next = events.poll()) != null) apply(next);
            } finally {
                distributing.set(false);
            }
        }
    }

    private void apply(Event event) {
        switch (event.kind) {
            case JOIN:
                members.add(event.member);
                online = members.size();
                sendToAll(ChatEvents.joined(event.member.name(), members.size()));
                break;
            case SAY:
                if (event.member == null || members.contains(event.member)) sendToAll(event.text);
                break;
            case LEAVE:
                if (members.remove(event.member)) {
                    online = members.size();
                    sendToAll(ChatEvents.left(event.member.name(), members.size()));
                }
                break;
            default: // SHUT_DOWN
                for (ChatMember member : members) member.closeSoon(CloseCodes.GOING_AWAY, "server shutting down");
                members.clear();
                online = 0;
        }
    }

    /**
     * Hands an event to every member. Dropping a member announces its departure, which is sent in turn (and
     * may find another member too slow): a work list, so that every member gets the events in one order.
     */
    private void sendToAll(String first) {
        ArrayDeque<String> pending = new ArrayDeque<>(1);
        pending.add(first);
        String event;
        while ((event = pending.poll()) != null) {
            List<ChatMember> dropped = new ArrayList<>(0);
            for (ChatMember member : members) {
                ChatMember.Delivery delivery = member.offer(event);
                if (delivery == ChatMember.Delivery.QUEUED) continue;
                if (delivery == ChatMember.Delivery.TOO_SLOW) member.closeSoon(CloseCodes.POLICY_VIOLATION, TOO_SLOW);
                dropped.add(member);
            }
            if (dropped.isEmpty()) continue;
            members.removeAll(dropped);
            online = members.size();
            for (ChatMember member : dropped) pending.add(ChatEvents.left(member.name(), members.size()));
        }
    }

    private enum Kind { JOIN, SAY, LEAVE, SHUT_DOWN }

    private static final class Event {
        final Kind kind;
        final ChatMember member;
        final String text;

        Event(Kind kind, ChatMember member, String text) {
            this.kind = kind;
            this.member = member;
            this.text = text;
        }
    }
}
