package dev.tether.server;

import dev.tether.servlet.TetherServlet;
import dev.tether.servlet.TransportChoice;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty 12.1 (ee11) server under {@link TetherServer}: one connector, one root context, a
 * {@link TetherServlet} on {@code /*}. The only class of the embedded server that touches Jetty, so
 * that TetherServer itself loads (and can say what is missing) without Jetty on the classpath.
 */
final class EmbeddedJetty {

    private final Server server;
    private final ServerConnector connector;

    private EmbeddedJetty(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * @param handshakeTimeout how long a connection may take to become a WebSocket ({@link HandshakeDeadline})
     * @param initParams the servlet's init-params ({@code tether.*} settings)
     */
    static EmbeddedJetty start(String host, int port, SSLContext tls, TetherServlet servlet, Duration handshakeTimeout,
                               Map<String, String> initParams) throws Exception {
        Server server = new Server(threadPool());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        HttpConnectionFactory httpFactory = new HttpConnectionFactory(http);
        ServerConnector connector;
        if (tls != null) {
            http.addCustomizer(new SecureRequestCustomizer());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), httpFactory);
        } else {
            connector = new ServerConnector(server, httpFactory);
        }
        connector.setHost(host);
        connector.setPort(port);
        // Quiet HTTP connections go after the handshake timeout, and so do slow ones: Jetty's idle timeout
        // restarts with each byte, the deadline does not. Upgraded connections have timeouts of their own.
        connector.setIdleTimeout(handshakeTimeout.toMillis());
        httpFactory.addEventListener(new HandshakeDeadline(connector.getScheduler(), handshakeTimeout));
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder("tether", servlet);
        initParams.forEach(holder::setInitParameter);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new EmbeddedJetty(server, connector);
    }

    /**
     * Jetty's pool, which also serves the opening handshakes. Where the JVM has virtual threads, Jetty runs
     * its blocking work (the servlet: each handshake) on a virtual thread instead of a pooled platform
     * thread. Upgraded connections never block a Jetty thread, so the platform pool is otherwise only
     * needed for selecting; a burst of handshakes used to grow it to its 200 threads, whose stacks (about
     * 110 KiB each, resident until the pool shrinks a minute later) cost about 2 KiB per connection when
     * 10,000 connect at once.
     */
    static QueuedThreadPool threadPool() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("tether-jetty");
        threads.setDaemon(true);
        if (VirtualThreads.areSupported()) {
            threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("tether-jetty-handshake"));
        }
        return threads;
    }

    static TetherServlet servlet(EndpointRegistry registry) {
        // This is Jetty: take connections over with Jetty's own upgrade without asking.
        return new TetherServlet(registry, TransportChoice.JETTY);
    }

    int port() {
        return connector.getLocalPort();
    }

    void stop() throws Exception {
        server.stop();
    }
}
