package dev.tether.e2e;

import dev.tether.server.EndpointRegistry;
import dev.tether.servlet.TetherServlet;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.EmbeddedContainer.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs a test class against Tether on every container: embedded Jetty 12.1 and Tomcat 11, each with a
 * {@link TetherServlet} on {@code /*} serving the endpoints the class registers. The containers start
 * once per class; test methods take one as a parameter:
 * {@code @ParameterizedTest @MethodSource("containers") void x(EmbeddedContainer c)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndTest {

    private final List<EmbeddedContainer> containers = new ArrayList<>();

    /** The endpoints under test. */
    abstract void register(EndpointRegistry registry);

    /** Whether the containers serve wss. */
    Options options() {
        return Options.DEFAULTS;
    }

    @BeforeAll
    void startContainers() {
        for (Kind kind : Kind.values()) {
            EndpointRegistry registry = new EndpointRegistry();
            register(registry);
            containers.add(kind.start(new TetherServlet(registry), options()));
        }
    }

    @AfterAll
    void stopContainers() {
        for (EmbeddedContainer c : containers) c.stop();
        containers.clear();
    }

    Stream<EmbeddedContainer> containers() {
        return containers.stream();
    }
}
