package dev.tether.jetty;

import dev.tether.server.ServerConnection;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Components;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Takes over a connection with Jetty 12's own upgrade mechanism, from a servlet.
 *
 * <p>Why not {@code request.upgrade()}: on Jetty 12.1 (ee10 and ee11, up to 12.1.14) the handshake
 * succeeds but every byte the client sends after the 101 is parsed as a new HTTP request and answered
 * with 400; on 12.0 {@code upgrade()} throws. Jetty's own mechanism works: put a
 * {@link org.eclipse.jetty.io.Connection} in the request attribute
 * {@link HttpStream#UPGRADE_CONNECTION_ATTRIBUTE}, answer 101, and Jetty hands the endpoint to that
 * connection once the response is sent.
 *
 * <p>Only ever loaded when the request is a Jetty ee11 request, so other containers never need Jetty.
 */
public final class JettyUpgrade {

    private JettyUpgrade() {
    }

    /**
     * Arranges for Jetty to hand the request's connection to Tether once the 101 response is sent.
     * The caller sets the status (101) and the headers, and returns from {@code service()}.
     *
     * @throws IllegalStateException when the request is not a Jetty 12 ee11 request
     */
    public static void upgrade(HttpServletRequest request, ServerConnection connection) {
        ServletContextRequest core = ServletContextRequest.getServletContextRequest(request);
        if (core == null) throw new IllegalStateException("not a Jetty 12 ee11 request: " + request.getClass().getName());
        EndPoint endPoint = core.getConnectionMetaData().getConnection().getEndPoint();
        Components components = core.getComponents();
        JettyTransport transport = new JettyTransport(endPoint, components.getExecutor(),
                components.getByteBufferPool(), connection);
        core.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, transport.connection());
    }

    /**
     * Runs {@code action} when the Jetty server of this request starts stopping, before it closes its
     * connectors (and with them every upgraded connection): the moment to say 1001 (going away). Jetty
     * destroys servlets only after the connectors are closed, too late for that.
     *
     * @return what removes the hook again (when the servlet goes before the server does)
     */
    public static AutoCloseable beforeServerStops(HttpServletRequest request, Runnable action) {
        ServletContextRequest core = ServletContextRequest.getServletContextRequest(request);
        if (core == null) throw new IllegalStateException("not a Jetty 12 ee11 request: " + request.getClass().getName());
        Server server = core.getConnectionMetaData().getConnector().getServer();
        LifeCycle.Listener listener = new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                action.run();
            }
        };
        server.addEventListener(listener);
        return () -> server.removeEventListener(listener);
    }
}
