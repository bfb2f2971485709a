package dev.tether.examples;

import dev.tether.cdi.JettyWebApps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The demo server: the WAR's demos on embedded Jetty 12.1 (ee11) with Weld, deployed as a WAR is.
 * Started by {@code mvn -Pdemo}, which builds the WAR first.
 *
 * <ul>
 * <li>{@code PORT} (environment) chooses the port, 8080 by default; {@code HOST} the address to listen on,
 *     {@code localhost} by default ({@code HOST=0.0.0.0} for every interface);
 * <li>system property {@code tether.demo.war}: the exploded WAR ({@code target/tether-<version>});
 * <li>system property {@code tether.demo.pages}: a directory served in front of the WAR's own static
 *     files ({@code src/main/webapp}), so that edited pages show on reload without a rebuild.
 * </ul>
 *
 * One log line per WebSocket opened and closed; Ctrl-C stops the server, closing every WebSocket with
 * 1001 (going away).
 */
public final class DemoServer {

    private static final Logger LOG = Logger.getLogger(DemoServer.class.getName());

    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        configureLogging();
        int port = port(System.getenv("PORT"));
        String host = System.getenv().getOrDefault("HOST", "localhost");
        Path war = Path.of(System.getProperty("tether.demo.war", "target/tether-0.1.0-SNAPSHOT"));
        String pagesProperty = System.getProperty("tether.demo.pages");
        Path pages = pagesProperty == null ? null : Path.of(pagesProperty);
        if (!Files.isDirectory(war.resolve("WEB-INF/classes"))) {
            System.err.println("No exploded WAR at " + war.toAbsolutePath() + ": start the demo server with mvn -Pdemo,"
                    + " which builds it first.");
            System.exit(2);
        }
        Server server = start(host, port, war, pages);
        // Ctrl-C: stop the application first: that destroys Tether's servlet, which closes each WebSocket
        // with 1001 and waits for the closing handshakes. Stopping the server at once would close the
        // connectors, and with them every upgraded connection, before that (the clients would see 1006).
        // Then stop the server, then let logging shut down.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                for (Handler handler : server.getDescendants(WebAppContext.class)) handler.stop();
                server.stop();
                LOG.info("Stopped");
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping the server failed", e);
            } finally {
                DemoLogManager.serverStopped();
            }
        }, "demo-server-shutdown"));
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        LOG.info(() -> "Tether demos at http://" + shownHost + ":" + localPort(server) + "/ (Ctrl-C stops the server)");
        server.join();
    }

    /**
     * Starts the demos of an exploded WAR on {@code host:port} (port 0: any free port).
     *
     * @param pages a directory served in front of the WAR's static files, or null
     */
    public static Server start(String host, int port, Path war, Path pages) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        WebAppContext webApp = new WebAppContext();
        webApp.setContextPath("/");
        ResourceFactory resources = ResourceFactory.of(server);
        Resource warRoot = resources.newResource(war.toAbsolutePath());
        webApp.setBaseResource(pages == null || !Files.isDirectory(pages) ? warRoot
                : ResourceFactory.combine(resources.newResource(pages.toAbsolutePath()), warRoot));
        JettyWebApps.configure(webApp, true);
        server.setHandler(webApp);
        server.setStopTimeout(5_000);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return server;
    }

    public static int localPort(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    static int port(String value) {
        if (value == null || value.isBlank()) return 8080;
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a port number (0-65535), not \"" + value + "\"");
        }
    }

    /** Our logging setup, unless the user gave one with -Djava.util.logging.config.file. */
    private static void configureLogging() throws IOException {
        if (System.getProperty("java.util.logging.config.file") != null) return;
        try (InputStream config = DemoServer.class.getResourceAsStream("demo-logging.properties")) {
            if (config != null) LogManager.getLogManager().readConfiguration(config);
        }
    }
}
