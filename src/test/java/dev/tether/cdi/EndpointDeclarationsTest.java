package dev.tether.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks made on annotated classes before anything is served. The classes are compiled here, at
 * test time: annotated classes on the test class path would be found by any container scanning it.
 */
class EndpointDeclarationsTest {

    private static final String PACKAGE = "dev.tether.cdi.declarations";

    @TempDir
    Path temp;

    @Test
    void endpointsComeSortedByPathWithTheirSubprotocols() throws Exception {
        Class<?> b = handler("B", "@dev.tether.cdi.WebSocketEndpoint(\"/b\")");
        Class<?> rooms = handler("Rooms", "@dev.tether.cdi.WebSocketEndpoint(\"/rooms/*\")");
        Path directory = Files.createTempDirectory(temp, "A");
        TestSources.compile(directory, "package " + PACKAGE + ";\n@dev.tether.cdi.WebSocketEndpoint(value = \"/a\","
                + " subprotocols = {\"v2\", \"v1\"}) public class A implements dev.tether.WebSocketHandler {"
                + " public void handle(dev.tether.WebSocket ws) { } }",
                "package " + PACKAGE + ";\npublic class SubclassOfA extends A { }");
        ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {directory.toUri().toURL()}, getClass().getClassLoader());
        Class<?> a = loader.loadClass(PACKAGE + ".A");
        Class<?> subclassOfA = loader.loadClass(PACKAGE + ".SubclassOfA");

        List<AnnotatedEndpoint> endpoints = EndpointDeclarations.from(List.of(b, rooms, a, subclassOfA));

        assertEquals(List.of(new AnnotatedEndpoint("/a", a.asSubclass(dev.tether.WebSocketHandler.class), List.of("v2", "v1")),
                new AnnotatedEndpoint("/b", b.asSubclass(dev.tether.WebSocketHandler.class), List.of()),
                new AnnotatedEndpoint("/rooms/*", rooms.asSubclass(dev.tether.WebSocketHandler.class), List.of())),
                endpoints, "the annotation is not inherited: the subclass serves nothing");
    }

    @Test
    void twoHandlersOnOnePathAreRefusedNamingBothAndThePath() throws Exception {
        Class<?> b = handler("B", "@dev.tether.cdi.WebSocketEndpoint(\"/b\")");
        Class<?> alsoB = handler("AlsoB", "@dev.tether.cdi.WebSocketEndpoint(\"/b\")");
        Class<?> a = handler("A", "@dev.tether.cdi.WebSocketEndpoint(\"/a\")");

        InvalidEndpointsException e = assertThrows(InvalidEndpointsException.class,
                () -> EndpointDeclarations.from(List.of(b, a, alsoB)));

        assertEquals(List.of("path /b is claimed by 2 handlers: " + PACKAGE + ".AlsoB and " + PACKAGE + ".B"), e.problems());
        assertTrue(e.getMessage().startsWith("Tether cannot serve the WebSocket endpoints: path /b"), e.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        List<Class<?>> classes = new ArrayList<>();
        classes.add(load("NotAHandler", "@dev.tether.cdi.WebSocketEndpoint(\"/x\") public class NotAHandler { }"));
        classes.add(load("Abstract", "@dev.tether.cdi.WebSocketEndpoint(\"/y\")"
                + " public abstract class Abstract implements dev.tether.WebSocketHandler { }"));
        classes.add(handler("Everything", "@dev.tether.cdi.WebSocketEndpoint(\"/*\")"));
        classes.add(handler("B", "@dev.tether.cdi.WebSocketEndpoint(\"/b\")"));
        classes.add(handler("AlsoB", "@dev.tether.cdi.WebSocketEndpoint(\"/b\")"));

        InvalidEndpointsException e = assertThrows(InvalidEndpointsException.class, () -> EndpointDeclarations.from(classes));

        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains(PACKAGE + ".NotAHandler does not implement dev.tether.WebSocketHandler"));
        assertTrue(e.getMessage().contains(PACKAGE + ".Abstract is abstract"));
        assertTrue(e.getMessage().contains("@WebSocketEndpoint(\"/*\") on " + PACKAGE + ".Everything"
                + ": the path would take every request from the container"));
        assertTrue(e.getMessage().contains("path /b is claimed by 2 handlers"));
    }

    @Test
    void connectionSettingsComeFromTheAttributesThatAreFilledIn() throws Exception {
        Class<?> tuned = handler("Tuned", "@dev.tether.cdi.WebSocketEndpoint(value = \"/tuned\", maxMessageSize = \"64KiB\","
                + " idleTimeout = \"PT30M\", pingInterval = \"0\", allowedOrigins = {\"https://app.example.com\"})");
        Class<?> plain = handler("Plain", "@dev.tether.cdi.WebSocketEndpoint(\"/plain\")");

        List<AnnotatedEndpoint> endpoints = EndpointDeclarations.from(List.of(tuned, plain));

        AnnotatedEndpoint p = endpoints.get(0);
        assertSame(dev.tether.WebSocketConfig.defaults(), p.config(), "no attribute: nothing set, the deployment decides");
        assertNull(p.origins());
        AnnotatedEndpoint t = endpoints.get(1);
        dev.tether.WebSocketConfig deployment = dev.tether.WebSocketConfig.builder()
                .maxMessageSize(1024).writeTimeout(java.time.Duration.ofSeconds(3)).build();
        dev.tether.WebSocketConfig effective = t.config().withDefaults(deployment);
        assertEquals(64 * 1024, effective.maxMessageSize());
        assertEquals(java.time.Duration.ofMinutes(30), effective.idleTimeout());
        assertEquals(java.time.Duration.ZERO, effective.pingInterval());
        assertEquals(java.time.Duration.ofSeconds(3), effective.writeTimeout(), "not an attribute: the deployment's");
        assertTrue(t.origins().permits("https://app.example.com", "api.example.com", true));
    }

    @Test
    void invalidAttributesAreProblemsNamingTheHandler() throws Exception {
        Class<?> bad = handler("Bad", "@dev.tether.cdi.WebSocketEndpoint(value = \"/bad\", maxFrameSize = \"1 GB\","
                + " writeTimeout = \"0\", allowedOrigins = {\"example.com\"})");

        InvalidEndpointsException e = assertThrows(InvalidEndpointsException.class, () -> EndpointDeclarations.from(List.of(bad)));

        assertEquals(3, e.problems().size(), e.getMessage());
        String prefix = "@WebSocketEndpoint(\"/bad\") on " + PACKAGE + ".Bad: ";
        assertEquals(prefix + "maxFrameSize must be a number of bytes, optionally with KiB or MiB (65536, 64KiB, 16MiB): '1 GB'",
                e.problems().get(0));
        assertEquals(prefix + "writeTimeout must be more than 0: '0'", e.problems().get(1));
        assertTrue(e.problems().get(2).startsWith(prefix + "allowedOrigins "), e.problems().get(2));
    }

    @Test
    void pathsMustBeMappableWithoutTakingOverTheApplication() {
        assertNull(EndpointDeclarations.pathProblem("/ws-echo"));
        assertNull(EndpointDeclarations.pathProblem("/rooms/*"));
        assertTrue(EndpointDeclarations.pathProblem("ws-echo").contains("must start with '/'"));
        assertTrue(EndpointDeclarations.pathProblem("").contains("must start with '/'"));
        assertTrue(EndpointDeclarations.pathProblem("/").contains("every request"));
        assertTrue(EndpointDeclarations.pathProblem("/*").contains("every request"));
        assertTrue(EndpointDeclarations.pathProblem("/a*b").contains("'*'"));
        assertTrue(EndpointDeclarations.pathProblem("/a/*/b").contains("'*'"));
        assertTrue(EndpointDeclarations.pathProblem("/a?x=1").contains("query"));
        assertTrue(EndpointDeclarations.pathProblem("/a b").contains("space"));
    }

    private Class<?> handler(String name, String annotation) throws Exception {
        return load(name, annotation + " public class " + name + " implements dev.tether.WebSocketHandler {"
                + " public void handle(dev.tether.WebSocket ws) { } }");
    }

    private Class<?> load(String name, String body) throws Exception {
        Path directory = Files.createTempDirectory(temp, name);
        return TestSources.compileAndLoad(directory, PACKAGE + "." + name, "package " + PACKAGE + ";\n" + body + "\n");
    }
}
