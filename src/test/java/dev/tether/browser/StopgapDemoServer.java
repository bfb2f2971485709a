package dev.tether.browser;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private static final AtomicInteger GUESTS = new AtomicInteger();

    private final Path webapp = Path.of("src/main/webapp").toAbsolutePath();
    private final Set<StopgapWebSocket.Connection> chatroom = ConcurrentHashMap.newKeySet();
    private final Set<StopgapWebSocket.Connection> statusListeners = ConcurrentHashMap.newKeySet();
    private Tomcat tomcat;
    private ScheduledExecutorService ticker;
    private int port;

    private final String contextPath;

    private StopgapDemoServer(String contextPath) {
        this.contextPath = contextPath;
    }

    /** Starts at the root of a port the system chooses. */
    static StopgapDemoServer start() throws Exception {
        return startUnder("");
    }

    /** Starts under a context path such as {@code /demo} (or "" for the root), on a port the system chooses. */
    static StopgapDemoServer startUnder(String contextPath) throws Exception {
        StopgapDemoServer server = new StopgapDemoServer(contextPath);
        server.startOn(0);
        return server;
    }

    @Override
    public String contextPath() {
        return contextPath;
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
        broadcast(event("notice").text(text).build());
    }

    private void startOn(int requestedPort) throws LifecycleException, IOException {
        Path base = Files.createDirectories(Path.of("target", "tomcat-browser"));
        Tomcat server = new Tomcat();
        server.setBaseDir(base.toAbsolutePath().toString());
        server.setHostname("127.0.0.1");
        server.getConnector().setProperty("address", "127.0.0.1");
        server.getConnector().setPort(requestedPort);
        Context context = server.addContext(contextPath, webapp.toString());
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
                connection.name = nameIn(connection.query());
                chatroom.add(connection);
                broadcast(event("join").name(connection.name).online(chatroom.size()).build());
            }

            @Override
            public void text(StopgapWebSocket.Connection connection, String text) {
                broadcast(event("message").name(connection.name).text(text).build());
            }

            @Override
            public void closed(StopgapWebSocket.Connection connection) {
                if (chatroom.remove(connection)) {
                    broadcast(event("leave").name(connection.name).online(chatroom.size()).build());
                }
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
        String json = "{\"timestamp\":" + System.currentTimeMillis()
                + ",\"uptimeMillis\":" + ManagementFactory.getRuntimeMXBean().getUptime()
                + ",\"heapUsedBytes\":" + heap.getUsed()
                + ",\"heapCommittedBytes\":" + heap.getCommitted()
                + ",\"heapMaxBytes\":" + heap.getMax()
                + ",\"threadCount\":" + ManagementFactory.getThreadMXBean().getThreadCount()
                + ",\"gcCount\":0,\"gcTimeMillis\":0"
                + ",\"openWebSockets\":" + (statusListeners.size() + chatroom.size())
                + ",\"messagesReceivedPerSecond\":0.0,\"messagesSentPerSecond\":1.0}";
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

    private static String nameIn(String query) {
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (parameter.startsWith("name=")) {
                    return URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8);
                }
            }
        }
        return "guest-" + GUESTS.incrementAndGet();
    }

    private static ChatEvent event(String type) {
        return new ChatEvent(type);
    }

    /** Just enough JSON for the stand-in chat room's events. */
    private static final class ChatEvent {
        private final StringBuilder json = new StringBuilder();

        ChatEvent(String type) {
            json.append("{\"type\":").append(quote(type));
        }

        ChatEvent name(String name) {
            json.append(",\"name\":").append(quote(name));
            return this;
        }

        ChatEvent text(String text) {
            json.append(",\"text\":").append(quote(text));
            return this;
        }

        ChatEvent online(int count) {
            json.append(",\"online\":").append(count);
            return this;
        }

        String build() {
            return json.append(",\"time\":").append(System.currentTimeMillis()).append('}').toString();
        }

        private static String quote(String text) {
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
