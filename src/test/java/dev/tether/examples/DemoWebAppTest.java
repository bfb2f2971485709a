package dev.tether.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.cdi.RunningWebApp;
import dev.tether.cdi.WebContainer;
import dev.tether.testing.DemoWar;
import dev.tether.testing.JdkClient;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The three demos deployed as the WAR is built (Tether and the demos in WEB-INF/classes, Weld and JSON-P
 * in WEB-INF/lib, classes loaded from the WAR first): on embedded Tomcat 11, and on Jetty 12.1 through the
 * demo server's own start-up ({@link DemoServer#start}).
 */
@Timeout(120)
class DemoWebAppTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String STATIC_FILE = "demo-web-app-test.txt";

    enum Host {
        TOMCAT {
            @Override
            RunningWebApp start(Path war, Path work) throws Exception {
                return WebContainer.TOMCAT.deploy(war, WebContainer.ClassLoading.WEB_INF_FIRST, work);
            }
        },
        JETTY_DEMO_SERVER {
            @Override
            RunningWebApp start(Path war, Path work) throws Exception {
                Server server = DemoServer.start("127.0.0.1", 0, war, null);
                return new RunningWebApp() {
                    @Override
                    public int port() {
                        return DemoServer.localPort(server);
                    }

                    @Override
                    public void close() throws Exception {
                        server.stop();
                    }
                };
            }
        };

        abstract RunningWebApp start(Path war, Path work) throws Exception;
    }

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Host.class)
    void theDemosRunAsAWar(Host host) throws Exception {
        try (RunningWebApp app = host.start(explodedWar(), Files.createDirectories(temp.resolve("work")))) {
            echo(app);
            status(app);
            chatroom(app);
            HttpResponse<String> plainGet = get(app, "/ws-status");
            assertEquals(426, plainGet.statusCode());
            assertEquals("websocket", plainGet.headers().firstValue("Upgrade").orElse(""));
            assertEquals("served by the container\n", get(app, "/" + STATIC_FILE).body());
        }
    }

    private static void echo(RunningWebApp app) throws Exception {
        try (JdkClient client = JdkClient.to(app.ws("/ws-echo")).closeNormallyOnClose().connect()) {
            client.sendText("hello, echo");
            assertEquals("hello, echo", client.nextText());
        }
    }

    private static void status(RunningWebApp app) throws Exception {
        try (JdkClient client = JdkClient.to(app.ws("/ws-status")).closeNormallyOnClose().connect()) {
            JsonObject first = StatusJsonTest.parse(client.nextText());
            client.sendText("ignored");
            JsonObject second = StatusJsonTest.parse(client.nextText());
            assertEquals(13, second.size(), second.toString());
            assertTrue(second.getJsonNumber("openWebSockets").longValue() >= 1, second.toString());
            assertTrue(second.getJsonNumber("timestamp").longValue() >= first.getJsonNumber("timestamp").longValue() + 500,
                    "about a second apart: " + first + " " + second);
        }
    }

    private static void chatroom(RunningWebApp app) throws Exception {
        try (JdkClient alice = JdkClient.to(app.ws("/ws-chatroom?name=alice")).closeNormallyOnClose().connect()) {
            assertEquals("join alice (1)", ChatJson.summary(alice.nextText()));
            try (JdkClient bob = JdkClient.to(app.ws("/ws-chatroom?name=bob")).closeNormallyOnClose().connect()) {
                assertEquals("join bob (2)", ChatJson.summary(bob.nextText()));
                assertEquals("join bob (2)", ChatJson.summary(alice.nextText()));
                alice.sendText("hi bob");
                assertEquals("message alice hi bob", ChatJson.summary(alice.nextText()));
                assertEquals("message alice hi bob", ChatJson.summary(bob.nextText()));
            }
            assertEquals("leave bob (1)", ChatJson.summary(alice.nextText()));
        }
    }

    /** The WAR as maven-war-plugin lays it out, built from what this build compiled, plus one static file. */
    private Path explodedWar() throws Exception {
        Path war = DemoWar.layOut(temp.resolve("war"));
        Files.writeString(war.resolve(STATIC_FILE), "served by the container\n");
        return war;
    }

    private static HttpResponse<String> get(RunningWebApp app, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(app.http(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
