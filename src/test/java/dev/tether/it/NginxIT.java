package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocket;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketConfig;
import dev.tether.WebSocketHandshakeException;
import dev.tether.WebSocketTimeoutException;
import dev.tether.client.WebSocketClient;
import dev.tether.testing.JdkClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The demo WAR on standalone Tomcat behind nginx, configured as the deployment guide says: ws and wss (TLS
 * ends at nginx), browsers' same-origin check through the proxy, and quiet connections against nginx's
 * {@code proxy_read_timeout} (set to {@value #READ_TIMEOUT_SECONDS} s here).
 *
 * <p>Tomcat serves the WAR twice: at {@code /tether} with a heartbeat every second (system property
 * {@code tether.pingInterval=1}), and at {@code /tether-quiet} with the heartbeat off (the init-param
 * {@code tether.pingInterval=0} in a Tomcat context file, which wins over the system property). The idle
 * connection on the first survives; on the second nginx drops it: the heartbeat is what keeps it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NginxIT {

    private static final int READ_TIMEOUT_SECONDS = 3;
    private static final Duration READ = Duration.ofSeconds(20);
    /** No heartbeat from the client: only the server's pings may keep a connection alive. */
    private static final WebSocketConfig SILENT_CLIENT = WebSocketConfig.defaults().toBuilder().pingInterval(Duration.ZERO).build();

    private StandaloneServer tomcat;
    private Nginx nginx;
    private TestCertificate tls;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void start() throws Exception {
        Path war = ItEnvironment.demoWar();
        tomcat = Tomcat.instance("tomcat-behind-nginx")
                .war("tether", war)
                .contextFile("tether-quiet", "<Context docBase=\"" + war + "\">\n"
                        + "  <Parameter name=\"tether.pingInterval\" value=\"0\" override=\"false\"/>\n</Context>\n")
                .jvmOption("-Dtether.pingInterval=1")
                .start("/tether-quiet/ws-echo");
        Path prefix = ItEnvironment.work().resolve("nginx");
        tls = TestCertificate.create(ItEnvironment.work().resolve("nginx-tls"));
        nginx = Nginx.start(prefix, "127.0.0.1:" + tomcat.httpPort(), tls, Duration.ofSeconds(READ_TIMEOUT_SECONDS),
                "/tether/ws-echo");
        System.out.println("[containers] nginx in front of " + tomcat + ": ws port " + nginx.wsPort() + ", wss port " + nginx.wssPort());
    }

    @AfterAll
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void stop() {
        try {
            if (nginx != null) nginx.close();
        } finally {
            if (tomcat != null) tomcat.close();
        }
    }

    @Test
    void wsThroughTheProxy() throws Exception {
        try (WebSocket ws = client().build().connect(nginx.ws("/tether/ws-echo"))) {
            ws.sendMessage("through nginx");
            assertEquals("through nginx", ws.readMessage(READ).text(), diagnostics());
        }
        try (JdkClient jdk = JdkClient.connect(nginx.ws("/tether/ws-chatroom?name=jdk"))) {
            assertEquals("join jdk", DeployedDemoChecks.summary(jdk.nextText()));
            jdk.sendText("hello via nginx");
            assertEquals("message jdk: hello via nginx", DeployedDemoChecks.summary(jdk.nextText()));
        }
    }

    @Test
    void wssTerminatedAtNginx() throws Exception {
        try (WebSocket ws = client().sslContext(tls.clientContext()).build().connect(nginx.wss("/tether/ws-echo"))) {
            ws.sendMessage("over TLS to nginx, plain to Tomcat");
            assertEquals("over TLS to nginx, plain to Tomcat", ws.readMessage(READ).text(), diagnostics());
        }
        try (JdkClient jdk = JdkClient.to(nginx.wss("/tether/ws-echo")).tls(tls.clientContext()).connect()) {
            jdk.sendTextFrames("fragmented ", "over ", "TLS");
            assertEquals("fragmented over TLS", jdk.nextText());
        }
    }

    @Test
    void browsersOnTheProxysAddressPassTheSameOriginCheck() throws Exception {
        // nginx passes Host with its port ($http_host), so the Origin of a page served through nginx matches it.
        String wsOrigin = "http://127.0.0.1:" + nginx.wsPort();
        try (WebSocket ws = client().origin(wsOrigin).build().connect(nginx.ws("/tether/ws-echo"))) {
            ws.sendMessage("same origin");
            assertEquals("same origin", ws.readMessage(READ).text());
        }
        String wssOrigin = "https://127.0.0.1:" + nginx.wssPort();
        try (JdkClient jdk = JdkClient.to(nginx.wss("/tether/ws-echo")).tls(tls.clientContext()).header("Origin", wssOrigin).connect()) {
            jdk.sendText("same origin over TLS");
            assertEquals("same origin over TLS", jdk.nextText());
        }
        WebSocketHandshakeException refused = assertThrows(WebSocketHandshakeException.class,
                () -> client().origin("https://elsewhere.example").build().connect(nginx.ws("/tether/ws-echo")).close());
        assertEquals(403, refused.status());
    }

    @Test
    void theHeartbeatKeepsAQuietConnectionOpenPastTheProxysReadTimeout() throws Exception {
        try (WebSocket ws = client().config(SILENT_CLIENT).build().connect(nginx.ws("/tether/ws-echo"))) {
            // Quiet for four of nginx's read timeouts, and longer than the server's pong timeout (10 s) plus a ping
            // interval: a heartbeat that stopped pinging, or wrongly missed a pong, would have lost the connection.
            long quiet = 4L * READ_TIMEOUT_SECONDS;
            assertThrows(WebSocketTimeoutException.class, () -> ws.readMessage(Duration.ofSeconds(quiet)));
            assertTrue(ws.isConnected(), "closed: " + ws.closeStatus());
            ws.sendMessage("still here after " + quiet + " quiet seconds");
            assertEquals("still here after " + quiet + " quiet seconds", ws.readMessage(READ).text(), diagnostics());
        }
    }

    @Test
    void withoutTheHeartbeatNginxDropsTheQuietConnection() throws Exception {
        try (WebSocket ws = client().config(SILENT_CLIENT).build().connect(nginx.ws("/tether-quiet/ws-echo"))) {
            ws.sendMessage("about to go quiet");
            assertEquals("about to go quiet", ws.readMessage(READ).text());
            long quietSince = System.nanoTime();
            WebSocketClosedException dropped = assertThrows(WebSocketClosedException.class,
                    () -> ws.readMessage(Duration.ofSeconds(30)), "nginx should have dropped the quiet connection");
            long quietMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quietSince);
            assertEquals(1006, dropped.code(), "dropped without a close frame: " + dropped.status());
            assertTrue(quietMillis >= READ_TIMEOUT_SECONDS * 1000L - 500,
                    "dropped after " + quietMillis + " ms: sooner than nginx's read timeout, so not by it");
            String errorLog = Logs.read(ItEnvironment.work().resolve("nginx/logs/error.log"));
            assertTrue(errorLog != null && errorLog.contains("upstream timed out"), "nginx says why:\n" + diagnostics());
        }
    }

    @Test
    void theGuidesSiteExampleIsAValidNginxConfiguration() throws Exception {
        Path dir = Files.createDirectories(ItEnvironment.work().resolve("nginx-site-check"));
        Files.createDirectories(dir.resolve("logs"));
        String site = Files.readString(Nginx.projectFile("deploy/nginx/tether-site.conf"), StandardCharsets.UTF_8)
                .replace("/etc/nginx/snippets/tether-websocket.conf", Nginx.websocketSnippet().toString())
                .replace("/etc/nginx/tls/example.com.crt", tls.certificate().toString())
                .replace("/etc/nginx/tls/example.com.key", tls.privateKey().toString());
        Path siteFile = dir.resolve("tether.conf");
        Files.writeString(siteFile, site, StandardCharsets.UTF_8);
        // As in Debian's /etc/nginx/nginx.conf: files of conf.d are included in the http block.
        Path main = dir.resolve("nginx.conf");
        Files.writeString(main, "pid " + dir.resolve("nginx.pid") + ";\nevents {}\nhttp {\n    include " + siteFile + ";\n}\n",
                StandardCharsets.UTF_8);
        assertNull(Nginx.test(dir, main));
    }

    private static WebSocketClient.Builder client() {
        return WebSocketClient.builder().connectTimeout(Duration.ofSeconds(10));
    }

    private String diagnostics() {
        return nginx.diagnostics() + "\n" + tomcat.diagnostics();
    }
}
