package dev.tether.servlet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What Tether needs from Tomcat's socket under an upgraded connection, which the servlet API does not
 * offer. Tomcat's own WebSocket implementation does both from any thread; Tether reaches the same socket
 * wrapper reflectively. Other containers are left alone.
 *
 * <ul>
 *   <li><b>Closing now.</b> Tomcat (10.1, 11) implements {@code WebConnection.close()} by marking both
 *       streams closed; the socket itself is closed only when one of Tomcat's threads next handles the
 *       connection. When the close comes from any other thread (a handler, a timeout) and the peer is
 *       silent, that never happens and the connection stays open for good.
 *   <li><b>Reading outside Tomcat's threads.</b> Before each {@code onDataAvailable} callback Tomcat
 *       reads from the socket itself ({@code isReadyForRead()}), under the socket's processing lock.
 *       When Tether resumes a paused read loop on a handler's thread, that loop must hold the same lock,
 *       or the two reads interleave: bytes are lost or reordered, and a TLS stream is corrupted.
 * </ul>
 */
final class TomcatSocket {

    private static final Logger LOG = Logger.getLogger(TomcatSocket.class.getName());
    private static final String TOMCAT_PACKAGE = "org.apache.coyote.";
    private static volatile boolean closeUnavailable;
    private static volatile boolean lockUnavailable;

    private TomcatSocket() {
    }

    /** Closes the socket under a Tomcat upgraded stream; does nothing on other containers. */
    static void close(Object upgradedStream) {
        if (closeUnavailable) return;
        try {
            Object wrapper = wrapper(upgradedStream);
            if (wrapper == null) return;
            Method close = wrapper.getClass().getMethod("close");
            close.invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            closeUnavailable = true;
            LOG.log(Level.WARNING, "cannot close Tomcat's socket directly: connections closed from outside"
                    + " Tomcat's threads may stay open until the peer sends something", e);
        }
    }

    /**
     * The lock under which Tomcat processes events of this connection, or null on other containers (and
     * on a Tomcat without it, which is logged once: reads resumed off Tomcat's threads are then unsafe).
     */
    static Lock processingLock(Object upgradedStream) {
        if (lockUnavailable) return null;
        try {
            Object wrapper = wrapper(upgradedStream);
            if (wrapper == null) return null;
            Method getLock = wrapper.getClass().getMethod("getLock");
            return (Lock) getLock.invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            lockUnavailable = true;
            LOG.log(Level.SEVERE, "cannot find Tomcat's socket lock: reading resumed after back-pressure"
                    + " may race with Tomcat's own reads", e);
            return null;
        }
    }

    /** Tomcat's socket wrapper under an upgraded stream, or null when the stream is not Tomcat's. */
    private static Object wrapper(Object upgradedStream) throws ReflectiveOperationException {
        if (!upgradedStream.getClass().getName().startsWith(TOMCAT_PACKAGE)) return null;
        Field field = findField(upgradedStream.getClass(), "socketWrapper");
        if (field == null) throw new NoSuchFieldException("socketWrapper");
        field.setAccessible(true);
        return field.get(upgradedStream);
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }
}
