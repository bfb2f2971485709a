package dev.tether.server;

import dev.tether.servlet.TetherServlet;
import dev.tether.servlet.TransportChoice;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
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

    static EmbeddedJetty start(String host, int port, SSLContext tls, TetherServlet servlet) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("tether-jetty");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector;
        if (tls != null) {
            http.addCustomizer(new SecureRequestCustomizer());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setSslContext(tls);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder("tether", servlet), "/*");
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
