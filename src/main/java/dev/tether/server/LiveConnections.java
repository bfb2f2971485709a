package dev.tether.server;

import dev.tether.session.OutboundQueue;
import dev.tether.session.Timers;
import dev.tether.session.Transport;
import dev.tether.session.TransportListener;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connections a server has open, so that shutting down can close each with 1001 (going away)
 * instead of dropping it. A connection leaves the set when its transport reports it closed.
 */
public final class LiveConnections {

    private static final Logger LOG = Logger.getLogger(LiveConnections.class.getName());

    /**
     * How long an accepted connection may wait for its transport to start. A container may never hand
     * over a connection whose 101 response could not be sent, and nothing else would ever say so.
     */
    static final Duration START_DEADLINE = Duration.ofSeconds(60);

    private final Set<Tracked> open = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();
    /** Held while a connection is counted in against a limit (removals need not: they only free room). */
    private final Object admission = new Object();
    private final Duration startDeadline;

    public LiveConnections() {
        this(START_DEADLINE);
    }

    LiveConnections(Duration startDeadline) {
        this.startDeadline = startDeadline;
    }

    /** Wraps a connection so that it counts as open from now until its transport reports it closed. */
    public ServerConnection track(ServerConnection connection) {
        return track(connection, Integer.MAX_VALUE);
    }

    /**
     * As {@link #track(ServerConnection)}, unless {@code limit} connections are open already: then null, and
     * the connection is not counted. The test and the count are one step, so concurrent handshakes cannot
     * together pass the limit.
     */
    public ServerConnection track(ServerConnection connection, int limit) {
        Tracked tracked = new Tracked(connection);
        synchronized (admission) {
            if (open.size() >= limit) return null;
            open.add(tracked);
        }
        tracked.startDeadline = Timers.schedule(() -> {
            if (tracked.transport == null) forget(tracked);
        }, startDeadline.toMillis(), TimeUnit.MILLISECONDS);
        return tracked;
    }

    /** Stops counting a connection that never got a transport (its upgrade failed). */
    public void forget(ServerConnection tracked) {
        if (tracked instanceof Tracked) closed((Tracked) tracked);
    }

    /** How many connections are open. */
    public int size() {
        return open.size();
    }

    /**
     * Starts the closing handshake on every open connection, waits up to {@code wait} for them to
     * finish, then drops those that did not.
     *
     * @return how many connections had to be dropped
     */
    public int closeAll(int code, String reason, Duration wait) {
        List<Tracked> closing = new ArrayList<>(open);
        for (Tracked t : closing) t.requestClose(code, reason);
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (changed) {
            while (!open.isEmpty()) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) break;
                try {
                    changed.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int dropped = 0;
        for (Tracked t : new ArrayList<>(open)) {
            Transport transport = t.transport;
            if (transport != null) transport.abort();
            open.remove(t);
            dropped++;
        }
        return dropped;
    }

    private void closed(Tracked tracked) {
        open.remove(tracked);
        ScheduledFuture<?> deadline = tracked.startDeadline;
        if (deadline != null) deadline.cancel(false);
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /** A connection whose listener tells the set when it closes. */
    private final class Tracked implements ServerConnection, TransportListener {
        final ServerConnection delegate;
        final TransportListener listener;
        volatile Transport transport;
        volatile ScheduledFuture<?> startDeadline;
        /** Guarded by this: {code, reason} asked for by closeAll, and whether it was passed on. */
        private Object[] closeRequest;
        private boolean closeSent;

        Tracked(ServerConnection delegate) {
            this.delegate = delegate;
            this.listener = delegate.listener();
        }

        @Override
        public TransportListener listener() {
            return this;
        }

        @Override
        public void start(Transport transport) {
            ScheduledFuture<?> deadline = startDeadline;
            // Let go of it too: a cancelled timer would otherwise stay with the connection as long as it is open.
            startDeadline = null;
            if (deadline != null) deadline.cancel(false);
            open.add(this); // in case the start deadline had given up on it
            delegate.start(transport);
            synchronized (this) {
                this.transport = transport;
            }
            closeIfRequested();
        }

        /**
         * Closes the connection with {@code code} once it has started. A connection accepted but not started
         * yet (Tomcat starts it after the 101 is sent, so a shutdown can fall in between) is closed as it
         * starts, so that its peer and its handler hear the same code as everyone else.
         */
        void requestClose(int code, String reason) {
            synchronized (this) {
                if (closeRequest == null) closeRequest = new Object[] {code, reason};
            }
            closeIfRequested();
        }

        private void closeIfRequested() {
            Object[] request;
            synchronized (this) {
                if (transport == null || closeRequest == null || closeSent) return;
                closeSent = true;
                request = closeRequest;
            }
            try {
                delegate.close((Integer) request[0], (String) request[1]);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "close failed", e);
            }
        }

        @Override
        public void close(int code, String reason) {
            delegate.close(code, reason);
        }

        @Override
        public boolean onData(ByteBuffer data) {
            return listener.onData(data);
        }

        @Override
        public void onEndOfInput() {
            listener.onEndOfInput();
        }

        @Override
        public void onTransportFailure(Throwable cause) {
            listener.onTransportFailure(cause);
        }

        @Override
        public void onTransportClosed() {
            try {
                listener.onTransportClosed();
            } finally {
                closed(this);
            }
        }

        @Override
        public OutboundQueue outbound() {
            return listener.outbound();
        }
    }
}
