package dev.tether.servlet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes Tomcat close an upgraded connection now.
 *
 * <p>Tomcat (10.1, 11) implements {@code WebConnection.close()} by marking both streams closed; the
 * socket itself is closed only when one of Tomcat's threads next handles the connection. When the
 * close comes from any other thread (a handler's thread, a timeout) and the peer is silent (it stopped
 * reading, or it vanished) that never happens, and the connection stays open for good. Tomcat's own
 * WebSocket code closes its socket wrapper directly from any thread; Tether does the same, reflectively,
 * since the servlet API offers no way. Other containers are left alone.
 */
final class TomcatSocketCloser {

    private static final Logger LOG = Logger.getLogger(TomcatSocketCloser.class.getName());
    private static final String TOMCAT_PACKAGE = "org.apache.coyote.";
    private static volatile boolean unavailable;

    private TomcatSocketCloser() {
    }

    /** Closes the socket under a Tomcat upgraded stream; does nothing on other containers. */
    static void closeSocket(Object upgradedStream) {
        if (unavailable || !upgradedStream.getClass().getName().startsWith(TOMCAT_PACKAGE)) return;
        try {
            Field field = findField(upgradedStream.getClass(), "socketWrapper");
            if (field == null) throw new NoSuchFieldException("socketWrapper");
            field.setAccessible(true);
            Object wrapper = field.get(upgradedStream);
            if (wrapper == null) return;
            Method close = wrapper.getClass().getMethod("close");
            close.invoke(wrapper);
        } catch (ReflectiveOperationException | RuntimeException e) {
            unavailable = true;
            LOG.log(Level.WARNING, "cannot close Tomcat's socket directly: connections closed from outside"
                    + " Tomcat's threads may stay open until the peer sends something", e);
        }
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
