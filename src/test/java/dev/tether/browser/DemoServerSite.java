package dev.tether.browser;

import dev.tether.cdi.JettyWebApps;
import dev.tether.examples.DemoServer;
import dev.tether.testing.DemoWar;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The real demo server ({@link DemoServer}: the WAR on embedded Jetty 12.1 with Weld), started in this
 * JVM on 127.0.0.1. The WAR is laid out under target/ from what this build compiled, as maven-war-plugin
 * would, and the pages are served live from src/main/webapp.
 */
final class DemoServerSite implements AutoCloseable {

    private static final Path WAR = Path.of("target", "browser-test-war");
    private static final Path PAGES = Path.of("src", "main", "webapp");

    private final String contextPath;
    private Server server;
    private int port;

    private DemoServerSite(String contextPath) {
        this.contextPath = contextPath;
    }

    /** Starts the demo server, as {@code mvn -Pdemo} does, on a port the system chooses. */
    static DemoServerSite start() throws Exception {
        return startUnder("");
    }

    /**
     * Starts the same WAR under a context path such as {@code /demo}, as a container that hosts several
     * applications would. At the root this is exactly {@link DemoServer#start}.
     */
    static DemoServerSite startUnder(String contextPath) throws Exception {
        DemoServerSite site = new DemoServerSite(contextPath);
        site.startOn(0);
        return site;
    }

    /** Where the application is deployed: "" at the root, else a path such as {@code /demo}. */
    String contextPath() {
        return contextPath;
    }

    /** An address in the application, for example {@code url("ws-echo-client/")}; {@code path} has no leading slash. */
    String url(String path) {
        return "http://127.0.0.1:" + port + contextPath + "/" + path;
    }

    /** The port, chosen by the system on the first start and kept on restarts. */
    int port() {
        return port;
    }

    /** Stops the server as Ctrl-C does: the application first, so open WebSockets are closed with 1001. */
    synchronized void stop() throws Exception {
        if (server == null) return;
        for (Handler webApp : server.getDescendants(WebAppContext.class)) webApp.stop();
        server.stop();
        server = null;
    }

    /** Serves again, on the same port as before. */
    synchronized void restart() throws Exception {
        startOn(port);
    }

    /**
     * Calls {@code ChatRoom.distributeMessage(text)} on the application's own chat room bean. The WAR's
     * classes load in the web application's class loader, apart from this test's, so the bean is looked
     * up through that loader's CDI and called reflectively.
     */
    void moderatorPost(String text) {
        WebAppContext webApp = (WebAppContext) server.getHandler();
        ClassLoader loader = webApp.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> chatRoomType = loader.loadClass("dev.tether.examples.ChatRoom");
            Class<?> cdiType = loader.loadClass("jakarta.enterprise.inject.spi.CDI");
            Object cdi = cdiType.getMethod("current").invoke(null);
            Object selected = cdiType.getMethod("select", Class.class, Annotation[].class)
                    .invoke(cdi, chatRoomType, new Annotation[0]);
            Object chatRoom = selected.getClass().getMethod("get").invoke(selected);
            chatRoomType.getMethod("distributeMessage", String.class).invoke(chatRoom, text);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the demo's ChatRoom bean", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private void startOn(int requestedPort) throws Exception {
        DemoWar.layOut(WAR);
        server = contextPath.isEmpty()
                ? DemoServer.start("127.0.0.1", requestedPort, WAR.toAbsolutePath(), PAGES.toAbsolutePath())
                : startUnderContextPath(requestedPort);
        port = DemoServer.localPort(server);
    }

    private Server startUnderContextPath(int requestedPort) throws Exception {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(requestedPort);
        jetty.addConnector(connector);
        WebAppContext webApp = new WebAppContext(WAR.toAbsolutePath().toString(), contextPath);
        JettyWebApps.configure(webApp, true);
        jetty.setHandler(webApp);
        try {
            jetty.start();
        } catch (Exception e) {
            jetty.stop();
            throw e;
        }
        return jetty;
    }

    /** The exploded WAR, laid out afresh from this build: where it is. */
    static Path explodedWar() throws IOException, URISyntaxException {
        DemoWar.layOut(WAR);
        return WAR.toAbsolutePath();
    }
}
