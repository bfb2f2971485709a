package dev.tether.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Against slowloris: an HTTP connection of the embedded server must have become a WebSocket within the
 * handshake timeout of being opened, or it is closed. Jetty's idle timeout alone does not do it: it
 * restarts with every byte, so a client that trickles its request a byte at a time would hold the
 * connection for ever.
 *
 * <p>Listens to the connections of the HTTP connection factory (under TLS, the HTTP connection on the
 * decrypted side, so the TLS handshake counts too): a timer starts when one opens and is cancelled when
 * it closes, which it does when the upgrade replaces it. The embedded server only serves WebSockets, so a
 * connection still speaking HTTP at the deadline is a slow request, a slow reader of a refusal, or an idle
 * keep-alive: all may go.
 */
final class HandshakeDeadline implements Connection.Listener {

    private final Scheduler scheduler;
    private final long timeoutMillis;
    private final Map<Connection, Scheduler.Task> deadlines = new ConcurrentHashMap<>();

    HandshakeDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        deadlines.put(connection, scheduler.schedule(() -> expire(connection), timeoutMillis, TimeUnit.MILLISECONDS));
    }

    @Override
    public void onClosed(Connection connection) {
        Scheduler.Task task = deadlines.remove(connection);
        if (task != null) task.cancel();
    }

    private void expire(Connection connection) {
        if (deadlines.remove(connection) == null) return;
        EndPoint endPoint = connection.getEndPoint();
        // Still this HTTP connection's endpoint: no upgrade took it over.
        if (endPoint.getConnection() == connection) endPoint.close();
    }
}
