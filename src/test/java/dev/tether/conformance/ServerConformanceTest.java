package dev.tether.conformance;

import dev.tether.conformance.cases.Catalog;
import dev.tether.testing.EmbeddedContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance catalog against Tether's server: the echo handler behind a {@code TetherServlet} on
 * embedded Jetty 12.1 (Jetty's own upgrade) and embedded Tomcat 11 (the servlet upgrade), every case on
 * both, the suite acting as a raw client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConformanceSummary.class)
class ServerConformanceTest {

    private final List<ServerUnderTest> servers = new ArrayList<>();

    @BeforeAll
    void startServers() {
        for (EmbeddedContainer.Kind kind : EmbeddedContainer.Kind.values()) servers.add(ServerUnderTest.start(kind));
    }

    @AfterAll
    void stopServers() {
        for (ServerUnderTest s : servers) s.close();
    }

    @TestFactory
    Stream<DynamicNode> serverConformance() {
        return servers.stream().map(server -> DynamicContainer.dynamicContainer(server.name(),
                Catalog.bySection(Target.SERVER).entrySet().stream().map(section ->
                        DynamicContainer.dynamicContainer(section.getKey().toString(), section.getValue().stream().map(c ->
                                DynamicTest.dynamicTest(c.displayName(), () -> ConformanceSummary.record(server.name(), c,
                                        () -> CaseRunner.runOnServer(c, server))))))));
    }
}
