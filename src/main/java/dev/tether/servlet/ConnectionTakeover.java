package dev.tether.servlet;

import dev.tether.jetty.JettyUpgrade;
import dev.tether.server.ServerConnection;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Takes over the connection of an accepted upgrade request, once the status and headers of the 101
 * response are set: with Jetty's own upgrade on Jetty 12, with the standard servlet upgrade elsewhere.
 */
final class ConnectionTakeover {

    private static final Logger LOG = Logger.getLogger(ConnectionTakeover.class.getName());
    private static final String JETTY_EE11_PACKAGE = "org.eclipse.jetty.ee11.";
    private static final AtomicBoolean JETTY_INVISIBLE_REPORTED = new AtomicBoolean();

    private ConnectionTakeover() {
    }

    /** @return true when Jetty's own upgrade took the connection, false for the servlet upgrade */
    static boolean take(HttpServletRequest request, ServerConnection connection, TransportChoice choice)
            throws IOException, ServletException {
        boolean jetty;
        switch (choice) {
            case JETTY:
                jetty = true;
                break;
            case SERVLET:
                jetty = false;
                break;
            default:
                jetty = isJettyEe11(request);
        }
        if (jetty && takeWithJetty(request, connection, choice == TransportChoice.JETTY)) return true;
        TetherUpgradeHandler handler = request.upgrade(TetherUpgradeHandler.class);
        handler.attach(connection);
        return false;
    }

    /** See {@link JettyUpgrade#beforeServerStops}; only for requests Jetty's own upgrade took. */
    static AutoCloseable beforeJettyStops(HttpServletRequest request, Runnable action) {
        return JettyUpgrade.beforeServerStops(request, action);
    }

    /**
     * Whether the request comes from Jetty's ee11 servlet layer, judged by class name so that no Jetty
     * class is ever loaded on another container.
     */
    static boolean isJettyEe11(ServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper) r = ((ServletRequestWrapper) r).getRequest();
        return r.getClass().getName().startsWith(JETTY_EE11_PACKAGE);
    }

    private static boolean takeWithJetty(HttpServletRequest request, ServerConnection connection, boolean forced)
            throws ServletException {
        try {
            JettyUpgrade.upgrade(request, connection);
            return true;
        } catch (LinkageError | IllegalStateException e) {
            if (forced) throw new ServletException("transport=jetty, but Jetty's upgrade is not available here", e);
            if (JETTY_INVISIBLE_REPORTED.compareAndSet(false, true)) {
                LOG.severe("Running on Jetty 12, but its classes (org.eclipse.jetty.ee11.servlet, .server, .io) are"
                        + " not visible to the web application (" + e + "). Falling back to the servlet upgrade,"
                        + " which Jetty 12.1 breaks: clients get 400 after the 101. Expose those packages to the"
                        + " web application (hidden/server class configuration).");
            }
            return false;
        }
    }
}
