package dev.tether.browser;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat serving {@code src/main/webapp} with stand-in echo, status and chatroom endpoints
 * ({@link StopgapWebSocket}): the browser tests' server until the real demo server lands.
 */
final class StopgapDemoServer implements DemoSite {

    private static final Logger LOG = Logger.getLogger(StopgapDemoServer.class.getName());

    private final Path webapp = Path.of("src/main/webapp").toAbsolutePath();
    private final Set<StopgapWebSocket.Connection> chatroom = ConcurrentHashMap.newKeySet();
    private final Set<StopgapWebSocket.Connection> statusListeners = ConcurrentHashMap.newKeySet();
    private Tomcat tomcat;
    private ScheduledExecutorService ticker;
    private int port;

    private StopgapDemoServer() {
    }

    /** Starts on a port the system chooses. */
    static StopgapDemoServer start() throws Exception {
        StopgapDemoServer server = new StopgapDemoServer();
        server.startOn(0);
        return server;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized void restart() throws Exception {
        startOn(port);
    }

    @Override
    public synchronized void stop() throws Exception {
        if (tomcat == null) return;
        ticker.shutdownNow();
        tomcat.stop();
        tomcat.destroy();
        tomcat = null;
        chatroom.clear();
        statusListeners.clear();
    }

    @Override
    public void moderatorPost(String text) {
        broadcast("{\"type\":\"moderator\",\"text\":" + Json.quote(text) + "}");
    }

    private void startOn(int requestedPort) throws LifecycleException, IOException {
        Path base = Files.createDirectories(Path.of("target", "tomcat-browser"));
        Tomcat server = new Tomcat();
        server.setBaseDir(base.toAbsolutePath().toString());
        server.setHostname("127.0.0.1");
        server.getConnector().setProperty("address", "127.0.0.1");
        server.getConnector().setPort(requestedPort);
        Context context = server.addContext("", webapp.toString());
        Tomcat.addDefaultMimeTypeMappings(context);
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        context.addWelcomeFile("index.html");
        mount(context, "/ws-echo", () -> new StopgapWebSocket.Handler() {
            @Override
            public void text(StopgapWebSocket.Connection connection, String text) throws IOException {
                connection.sendText(text);
            }
        });
        mount(context, "/ws-status", () -> new StopgapWebSocket.Handler() {
            @Override
            public void opened(StopgapWebSocket.Connection connection) {
                statusListeners.add(connection);
            }

            @Override
            public void closed(StopgapWebSocket.Connection connection) {
                statusListeners.remove(connection);
            }
        });
        mount(context, "/ws-chatroom", () -> new StopgapWebSocket.Handler() {
            @Override
            public void opened(StopgapWebSocket.Connection connection) {
                chatroom.add(connection);
                broadcast("{\"type\":\"join\",\"text\":\"Someone joined the room\"}");
            }

            @Override
            public void text(StopgapWebSocket.Connection connection, String text) {
                broadcast(text);
            }

            @Override
            public void closed(StopgapWebSocket.Connection connection) {
                if (chatroom.remove(connection)) broadcast("{\"type\":\"leave\",\"text\":\"Someone left the room\"}");
            }
        });
        server.start();
        tomcat = server;
        port = server.getConnector().getLocalPort();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stopgap-status");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::sendStatus, 0, 1, TimeUnit.SECONDS);
    }

    private void mount(Context context, String path, Supplier<StopgapWebSocket.Handler> handlers) {
        String name = "ws" + path.replace('/', '-');
        Tomcat.addServlet(context, name, new StopgapWebSocket.UpgradeServlet(handlers));
        context.addServletMappingDecoded(path, name);
    }

    private void sendStatus() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String json = "{\"uptimeMillis\":" + ManagementFactory.getRuntimeMXBean().getUptime()
                + ",\"heap\":{\"used\":" + heap.getUsed() + ",\"committed\":" + heap.getCommitted()
                + ",\"max\":" + heap.getMax() + "}"
                + ",\"threadCount\":" + ManagementFactory.getThreadMXBean().getThreadCount()
                + ",\"gc\":{\"count\":0,\"timeMillis\":0}"
                + ",\"openConnections\":" + (statusListeners.size() + chatroom.size())
                + ",\"messagesPerSecond\":1.0"
                + ",\"timestamp\":" + Json.quote(Instant.now().toString()) + "}";
        for (StopgapWebSocket.Connection connection : statusListeners) {
            try {
                connection.sendText(json);
            } catch (IOException e) {
                statusListeners.remove(connection);
            }
        }
    }

    private void broadcast(String json) {
        for (StopgapWebSocket.Connection connection : chatroom) {
            try {
                connection.sendText(json);
            } catch (IOException e) {
                LOG.log(Level.FINE, "chatroom member gone", e);
                chatroom.remove(connection);
            }
        }
    }

    /** Just enough JSON for the stand-in endpoints. */
    static final class Json {
        private Json() {
        }

        static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                        else out.append(c);
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
