package dev.tether.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.cdi.WebContainer.ClassLoading;
import dev.tether.cdi.testapp.EchoTestHandler;
import dev.tether.cdi.testapp.Greeter;
import dev.tether.cdi.testapp.GreetingHandler;
import dev.tether.testing.JdkClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link WebSocketEndpoint} handlers deployed the way a WAR is, on Tomcat 11 and on Jetty 12.1, each with
 * Weld: the container's own annotation scanning finds them, Tether's initializer maps them, CDI creates
 * them per connection.
 */
@Timeout(120)
class WebSocketEndpointDiscoveryTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void anAnnotatedHandlerIsServedAtItsPathWithNoOtherRegistration(WebContainer container) throws Exception {
        try (RunningWebApp app = deploy(container, TestWebApp.in(temp.resolve("app")).withClasses(EchoTestHandler.class));
             JdkClient client = JdkClient.to(app.ws("/cdi-test/echo")).closeNormallyOnClose().connect()) {
            client.sendText("hello");
            assertEquals("hello", client.nextText());
        }
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void aHandlerGetsItsDependenciesInjectedAndSpeaksItsSubprotocols(WebContainer container) throws Exception {
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withClasses(GreetingHandler.class, Greeter.class);
        try (RunningWebApp app = deploy(container, webApp)) {
            try (JdkClient ann = JdkClient.to(app.ws("/cdi-test/greeting")).subprotocols("greeting.v1", "greeting.v2")
                            .closeNormallyOnClose().connect();
                 JdkClient bob = JdkClient.to(app.ws("/cdi-test/greeting")).subprotocols("greeting.v3", "greeting.v2")
                            .closeNormallyOnClose().connect()) {
                assertEquals("greeting.v1", ann.subprotocol(), "the client's first offer the handler speaks");
                ann.sendText("Ann");
                assertEquals("Hello, Ann! (greeting 1) via greeting.v1", ann.nextText());
                bob.sendText("Bob");
                assertEquals("Hello, Bob! (greeting 2) via greeting.v2", bob.nextText(), "one application-scoped Greeter");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void eachConnectionGetsItsOwnHandlerWhichIsDestroyedWhenTheConnectionEnds(WebContainer container) throws Exception {
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withClasses(GreetingHandler.class, Greeter.class);
        try (RunningWebApp app = deploy(container, webApp)) {
            int created = GreetingHandler.CREATED.get();
            int destroyed = GreetingHandler.DESTROYED.get();
            for (String name : new String[] {"one", "two"}) {
                try (JdkClient client = JdkClient.to(app.ws("/cdi-test/greeting")).subprotocols("greeting.v1")
                        .closeNormallyOnClose().connect()) {
                    client.sendText(name);
                    assertTrue(client.nextText().startsWith("Hello, " + name));
                }
            }
            assertEquals(created + 2, GreetingHandler.CREATED.get(), "a @Dependent handler per connection");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (GreetingHandler.DESTROYED.get() < destroyed + 2 && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(destroyed + 2, GreetingHandler.DESTROYED.get(), "each destroyed once its connection ended");
        }
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void aPlainGetOnAnEndpointPathIs426UpgradeRequired(WebContainer container) throws Exception {
        try (RunningWebApp app = deploy(container, TestWebApp.in(temp.resolve("app")).withClasses(EchoTestHandler.class))) {
            HttpResponse<String> response = get(app, "/cdi-test/echo");
            assertEquals(426, response.statusCode());
            assertEquals("websocket", response.headers().firstValue("Upgrade").orElse("").toLowerCase(java.util.Locale.ROOT));
        }
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void theContainerStillServesStaticFilesAndEveryOtherPath(WebContainer container) throws Exception {
        try (RunningWebApp app = deploy(container, TestWebApp.in(temp.resolve("app")).withClasses(EchoTestHandler.class))) {
            assertEquals(TestWebApp.STATIC_PAGE, get(app, "/index.html").body());
            HttpResponse<String> welcome = get(app, "/");
            assertEquals(200, welcome.statusCode());
            assertEquals(TestWebApp.STATIC_PAGE, welcome.body(), "the welcome file");
            assertEquals(404, get(app, "/cdi-test/echo-not-here").statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void twoHandlersOnOnePathFailTheDeploymentNamingBothAndThePath(WebContainer container) throws Exception {
        // No beans.xml: with it, Weld may start before Tether's initializer fails the deployment, and a
        // container that fails in that phase does not stop the CDI container it started: with Weld shared
        // on the test class path, later tests would find it running.
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withoutBeansXml()
                .withCompiledSources(claimant("FirstClaimant"), claimant("SecondClaimant"));
        DeploymentFailedException failure = assertThrows(DeploymentFailedException.class, () -> deploy(container, webApp).close());
        String report = failure.getMessage();
        assertTrue(report.contains("path /cdi-test/clash is claimed by 2 handlers: "
                + "dev.tether.cdi.clash.FirstClaimant and dev.tether.cdi.clash.SecondClaimant"), report);
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void aHandlerThatCdiCannotCreateFailsTheDeployment(WebContainer container) throws Exception {
        String source = "package dev.tether.cdi.broken;\n"
                + "@dev.tether.cdi.WebSocketEndpoint(\"/cdi-test/broken\")\n"
                + "public class NeedsAnArgument implements dev.tether.WebSocketHandler {\n"
                + "    public NeedsAnArgument(String notInjectable) { }\n"
                + "    public void handle(dev.tether.WebSocket ws) { }\n"
                + "}\n";
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withCompiledSources(source);
        DeploymentFailedException failure = assertThrows(DeploymentFailedException.class, () -> deploy(container, webApp).close());
        assertTrue(failure.getMessage().contains("@WebSocketEndpoint(\"/cdi-test/broken\"): dev.tether.cdi.broken.NeedsAnArgument is not a CDI bean"),
                failure.getMessage());
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void withoutACdiContainerHandlersAreMadeWithTheirConstructor(WebContainer container) throws Exception {
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withoutBeansXml().withClasses(EchoTestHandler.class);
        try (RunningWebApp app = deploy(container, webApp);
             JdkClient client = JdkClient.to(app.ws("/cdi-test/echo")).closeNormallyOnClose().connect()) {
            client.sendText("no CDI here");
            assertEquals("no CDI here", client.nextText());
        }
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void withoutACdiContainerAHandlerThatNeedsInjectionFailsTheDeployment(WebContainer container) throws Exception {
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withoutBeansXml()
                .withClasses(EchoTestHandler.class, GreetingHandler.class, Greeter.class);
        DeploymentFailedException failure = assertThrows(DeploymentFailedException.class, () -> deploy(container, webApp).close());
        assertTrue(failure.getMessage().contains("@WebSocketEndpoint(\"/cdi-test/greeting\"): "
                + GreetingHandler.class.getName() + " uses @Inject, and no CDI container is running"), failure.getMessage());
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void contextParamsAndAnnotationAttributesSetTheConnectionLimits(WebContainer container) throws Exception {
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withoutBeansXml()
                .withContextParams("tether.maxMessageSize", "1KiB")
                .withCompiledSources(echo("Small", "\"/cdi-test/small\""),
                        echo("Large", "value = \"/cdi-test/large\", maxMessageSize = \"8KiB\""));
        String message = "x".repeat(1536);
        try (RunningWebApp app = deploy(container, webApp)) {
            try (JdkClient small = JdkClient.to(app.ws("/cdi-test/small")).closeNormallyOnClose().connect()) {
                small.sendText(message);
                assertEquals(1009, small.awaitClose().code(), "the context-param's limit");
            }
            try (JdkClient large = JdkClient.to(app.ws("/cdi-test/large")).closeNormallyOnClose().connect()) {
                large.sendText(message);
                assertEquals(message, large.nextText(), "the annotation's own limit wins over the context-param");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void anInvalidAttributeFailsTheDeploymentNamingTheHandler(WebContainer container) throws Exception {
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withoutBeansXml()
                .withCompiledSources(echo("Sleepy", "value = \"/cdi-test/sleepy\", idleTimeout = \"ten minutes\""));
        DeploymentFailedException failure = assertThrows(DeploymentFailedException.class, () -> deploy(container, webApp).close());
        assertTrue(failure.getMessage().contains("@WebSocketEndpoint(\"/cdi-test/sleepy\") on dev.tether.cdi.settings.Sleepy:"
                + " idleTimeout must be a number of seconds"), failure.getMessage());
    }

    @ParameterizedTest
    @EnumSource(WebContainer.class)
    void anInvalidContextParamFailsTheDeploymentNamingIt(WebContainer container) throws Exception {
        TestWebApp webApp = TestWebApp.in(temp.resolve("app")).withoutBeansXml()
                .withContextParams("tether.pingInterval", "often")
                .withCompiledSources(echo("Echo", "\"/cdi-test/echo\""));
        DeploymentFailedException failure = assertThrows(DeploymentFailedException.class, () -> deploy(container, webApp).close());
        assertTrue(failure.getMessage().contains("tether.pingInterval must be a number of seconds (30, 0.5) or an ISO-8601"
                + " duration (PT30S), or 0 to turn it off: 'often' (context-param)"), failure.getMessage());
    }

    private static String echo(String name, String annotationArguments) {
        return "package dev.tether.cdi.settings;\n"
                + "@dev.tether.cdi.WebSocketEndpoint(" + annotationArguments + ")\n"
                + "public class " + name + " implements dev.tether.WebSocketHandler {\n"
                + "    public void handle(dev.tether.WebSocket ws) throws Exception { ws.runWith(ws::sendMessage); }\n"
                + "}\n";
    }

    private static String claimant(String name) {
        return "package dev.tether.cdi.clash;\n"
                + "@dev.tether.cdi.WebSocketEndpoint(\"/cdi-test/clash\")\n"
                + "public class " + name + " implements dev.tether.WebSocketHandler {\n"
                + "    public void handle(dev.tether.WebSocket ws) { }\n"
                + "}\n";
    }

    private RunningWebApp deploy(WebContainer container, TestWebApp webApp) throws Exception {
        return container.deploy(webApp.root(), ClassLoading.PARENT_FIRST, Files.createDirectories(temp.resolve("work")));
    }

    private static HttpResponse<String> get(RunningWebApp app, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(app.http(path)).timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
