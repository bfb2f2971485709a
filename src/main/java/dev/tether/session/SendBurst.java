package dev.tether.session;

import java.util.ArrayList;

/**
 * A handler thread's burst: it has read a message from one connection while more wait there, so it will be
 * back for them at once. Sends it makes meanwhile to other connections (a fan-out, such as a chat room
 * posting every message to every member) wait for the burst's end, so that each connection gets one write
 * for several messages instead of one each, as a Netty server flushes once per read.
 *
 * <p>Made only for a thread that has had such a burst, and touched only by its own thread. A reader asks
 * for its burst's end only once its connection has had a burst, so an idle connection's thread is never
 * given the thread-local map that asking would make. The sweep ({@link DeferredFlushes}) still writes anything left within a
 * millisecond if the thread does not come back.
 */
final class SendBurst {

    /** More connections than this waiting for one thread's burst: write them now rather than grow the list. */
    static final int MAX_WAITING = 4096;

    private static final ThreadLocal<SendBurst> CURRENT = new ThreadLocal<>();

    /** The connection the thread last read from with more messages waiting. */
    private WebSocketSession reading;
    /** Other connections it left frames unflushed on. */
    private final ArrayList<WebSocketSession> waiting = new ArrayList<>();

    private SendBurst() {
    }

    /** The thread read from {@code session}, and more messages wait there. */
    static void reading(WebSocketSession session) {
        SendBurst burst = CURRENT.get();
        if (burst == null) {
            burst = new SendBurst();
            CURRENT.set(burst);
        }
        burst.reading = session;
    }

    /** The current thread's burst, while the connection it reads from has messages waiting; otherwise null. */
    static SendBurst ongoing() {
        SendBurst burst = CURRENT.get();
        if (burst == null || burst.reading == null || !burst.reading.hasMessagesFor(Thread.currentThread())) return null;
        return burst;
    }

    /** {@code session} has frames for this burst's end. False when too many wait already: flush it now. */
    boolean defer(WebSocketSession session) {
        if (waiting.size() >= MAX_WAITING) {
            flushWaiting();
            return false;
        }
        waiting.add(session);
        return true;
    }

    /** The thread is about to wait for input: what its burst left unflushed goes out now. */
    static void end() {
        SendBurst burst = CURRENT.get();
        if (burst != null) {
            burst.reading = null;
            burst.flushWaiting();
        }
    }

    private void flushWaiting() {
        for (int i = 0; i < waiting.size(); i++) waiting.get(i).flushIfDeferred();
        waiting.clear();
    }
}
