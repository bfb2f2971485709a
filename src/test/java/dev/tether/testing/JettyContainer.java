package dev.tether.testing;

import jakarta.servlet.http.HttpServlet;
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

/** Embedded Jetty 12.1, ee11. */
final class JettyContainer implements EmbeddedContainer {

    private final Server server;
    private final ServerConnector connector;
    private final boolean secure;

    private JettyContainer(Server server, ServerConnector connector, boolean secure) {
        this.server = server;
        this.connector = connector;
        this.secure = secure;
    }

    static JettyContainer start(HttpServlet servlet, Options options) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jetty-test");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        ServerConnector connector;
        if (options.tls()) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false);
            http.addCustomizer(secure);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(TestTls.keystore().toString());
            ssl.setKeyStorePassword(TestTls.PASSWORD);
            ssl.setKeyStoreType("PKCS12");
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        if (options.idleTimeout() != null) connector.setIdleTimeout(options.idleTimeout().toMillis());
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder("tether", servlet);
        options.initParams().forEach(holder::setInitParameter);
        options.contextParams().forEach(context::setInitParameter);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        server.start();
        return new JettyContainer(server, connector, options.tls());
    }

    @Override
    public Kind kind() {
        return Kind.JETTY;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop Jetty", e);
        }
    }

    @Override
    public String toString() {
        return secure ? "jetty-tls" : "jetty";
    }
}
