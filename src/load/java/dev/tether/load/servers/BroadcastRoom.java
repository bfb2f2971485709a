package dev.tether.load.servers;

import dev.tether.WebSocket;
import dev.tether.session.Threads;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tether's broadcast for the chatroom scenario, built like {@code dev.tether.examples.ChatRoom} without
 * the chat's JSON events: every member has a bounded queue and a writer thread of its own, so a slow member
 * only delays itself; the room offers each message to every queue without waiting, and a member whose
 * queue is full is dropped (the benchmark counts that as lost deliveries).
 */
final class BroadcastRoom {

    static final int DEFAULT_QUEUE_CAPACITY = 1024;

    private final int queueCapacity;
    private final CopyOnWriteArraySet<Member> members = new CopyOnWriteArraySet<>();

    BroadcastRoom(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    Member join(WebSocket ws) {
        Member member = new Member(ws, queueCapacity);
        members.add(member);
        Threads.start("broadcast-writer", member::write);
        return member;
    }

    void leave(Member member) {
        members.remove(member);
        member.stop();
    }

    /** One lock orders the offers, so every member gets the messages in the same order. */
    synchronized void broadcast(byte[] message) {
        for (Member member : members) {
            if (!member.offer(message)) {
                members.remove(member);
                member.stop();
            }
        }
    }

    static final class Member {
        private static final byte[] WAKE_UP = new byte[0];
        private final WebSocket ws;
        private final BlockingQueue<byte[]> outgoing;
        private final AtomicBoolean active = new AtomicBoolean(true);

        Member(WebSocket ws, int capacity) {
            this.ws = ws;
            this.outgoing = new ArrayBlockingQueue<>(capacity);
        }

        boolean offer(byte[] message) {
            return outgoing.offer(message);
        }

        void stop() {
            if (active.compareAndSet(true, false)) {
                outgoing.clear();
                outgoing.offer(WAKE_UP);
            }
        }

        void write() {
            try {
                while (true) {
                    byte[] message = outgoing.take();
                    if (!active.get()) return;
                    ws.sendMessage(message);
                }
            } catch (IOException e) {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
