package dev.tether.conformance;

import dev.tether.conformance.cases.Catalog;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance catalog against Tether's client ({@code WebSocketClient}, echoing every message): the
 * suite acts as a scripted, misbehaving server that completes the handshake and then sends each case's
 * frames, unmasked as a server must (or masked, where the case is about that). The expectations mirror
 * the server's: the client must fail the connection with the same close code, and its API must report it.
 */
@ExtendWith(ConformanceSummary.class)
class ClientConformanceTest {

    @TestFactory
    Stream<DynamicNode> clientConformance() {
        return Catalog.bySection(Target.CLIENT).entrySet().stream().map(section ->
                DynamicContainer.dynamicContainer(section.getKey().toString(), section.getValue().stream().map(c ->
                        DynamicTest.dynamicTest(c.displayName(), () -> ConformanceSummary.record("client", c,
                                () -> CaseRunner.runOnClient(c))))));
    }
}
