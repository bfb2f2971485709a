package dev.tether.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketConfig;
import dev.tether.protocol.handshake.OriginPolicy;
import dev.tether.server.DeploymentSettings.Source;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tether.* settings of a deployment: every name, precedence between sources and endpoints, errors. */
class DeploymentSettingsTest {

    private static Source source(String description, Map<String, String> values) {
        return new Source(description, values::get);
    }

    private static DeploymentSettings of(Map<String, String> values) {
        return DeploymentSettings.from(List.of(source("test", values)));
    }

    @Test
    void nothingSetKeepsTheDefaults() {
        DeploymentSettings settings = DeploymentSettings.from(List.of(source("a", Map.of()), source("b", Map.of("tether.idleTimeout", " "))));
        assertSame(DeploymentSettings.defaults(), settings);
        assertSame(WebSocketConfig.defaults(), settings.config());
        assertEquals(10_000, settings.maxConnections());
        assertTrue(settings.applied().isEmpty());
    }

    @Test
    void everySettingIsRead() {
        DeploymentSettings s = of(Map.ofEntries(
                Map.entry("tether.maxFrameSize", "1MiB"),
                Map.entry("tether.maxMessageSize", "2MiB"),
                Map.entry("tether.maxInboundBufferBytes", "64KiB"),
                Map.entry("tether.maxOutboundBufferBytes", "16KiB"),
                Map.entry("tether.readTimeout", "60"),
                Map.entry("tether.writeTimeout", "PT5S"),
                Map.entry("tether.closeTimeout", "2"),
                Map.entry("tether.pingInterval", "20"),
                Map.entry("tether.pongTimeout", "4"),
                Map.entry("tether.idleTimeout", "PT30M"),
                Map.entry("tether.maxConnections", "500"),
                Map.entry("tether.allowedOrigins", "https://app.example.com")));
        WebSocketConfig c = s.config();
        assertEquals(1L << 20, c.maxFrameSize());
        assertEquals(2L << 20, c.maxMessageSize());
        assertEquals(64 * 1024, c.maxInboundBufferBytes());
        assertEquals(16 * 1024, c.maxOutboundBufferBytes());
        assertEquals(Duration.ofSeconds(60), c.readTimeout());
        assertEquals(Duration.ofSeconds(5), c.writeTimeout());
        assertEquals(Duration.ofSeconds(2), c.closeTimeout());
        assertEquals(Duration.ofSeconds(20), c.pingInterval());
        assertEquals(Duration.ofSeconds(4), c.pongTimeout());
        assertEquals(Duration.ofMinutes(30), c.idleTimeout());
        assertEquals(500, s.maxConnections());
        Endpoint served = s.applyTo(Endpoint.of("/x", ws -> { }));
        assertTrue(served.origins().permits("https://app.example.com", "api.example.com", true));
        assertEquals(DeploymentSettings.NAMES.size(), s.applied().size(), s.applied().toString());
        assertTrue(s.applied().contains("tether.idleTimeout=PT30M (test)"), s.applied().toString());
    }

    @Test
    void theFirstSourceThatSetsAValueWins() {
        DeploymentSettings s = DeploymentSettings.from(List.of(
                source("init-param", Map.of("tether.pingInterval", "5")),
                source("context-param", Map.of("tether.pingInterval", "10", "tether.idleTimeout", "60")),
                source("system property", Map.of("tether.pingInterval", "15", "tether.idleTimeout", "90", "tether.pongTimeout", "3"))));
        assertEquals(Duration.ofSeconds(5), s.config().pingInterval());
        assertEquals(Duration.ofSeconds(60), s.config().idleTimeout());
        assertEquals(Duration.ofSeconds(3), s.config().pongTimeout());
        assertTrue(s.applied().contains("tether.idleTimeout=60 (context-param)"), s.applied().toString());
    }

    @Test
    void anEndpointKeepsWhatItSetsItselfAndTakesTheRestFromTheDeployment() {
        DeploymentSettings s = of(Map.of("tether.pingInterval", "20", "tether.idleTimeout", "60"));
        WebSocketConfig own = WebSocketConfig.builder().idleTimeout(Duration.ZERO).build();
        Endpoint served = s.applyTo(new Endpoint("/x", ws -> { }, own, List.of("chat"), null));
        assertEquals(Duration.ZERO, served.config().idleTimeout(), "the endpoint's own");
        assertEquals(Duration.ofSeconds(20), served.config().pingInterval(), "the deployment's");
        assertEquals(List.of("chat"), served.subprotocols());
    }

    @Test
    void anEndpointWithItsOwnOriginsKeepsThem() {
        DeploymentSettings s = of(Map.of("tether.allowedOrigins", "*"));
        OriginPolicy own = OriginPolicy.allowing(List.of("https://app.example.com"));
        Endpoint served = s.applyTo(new Endpoint("/x", ws -> { }, null, null, own));
        assertSame(own, served.origins());
        assertSame(OriginPolicy.any(), s.applyTo(Endpoint.of("/y", ws -> { })).origins(), "the default same-origin gives way");
    }

    @Test
    void withoutDeploymentSettingsTheEndpointIsServedAsItIs() {
        Endpoint endpoint = Endpoint.of("/x", ws -> { });
        assertSame(endpoint, DeploymentSettings.defaults().applyTo(endpoint));
    }

    @Test
    void everyInvalidSettingIsReportedAtOnceWithItsSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeploymentSettings.from(List.of(
                source("context-param", Map.of("tether.idleTimeout", "ten minutes")),
                source("system property", Map.of("tether.maxMessageSize", "16MB", "tether.maxConnections", "0")))));
        String m = e.getMessage();
        assertTrue(m.startsWith("Invalid Tether settings:"), m);
        assertTrue(m.contains("tether.idleTimeout must be a number of seconds (30, 0.5) or an ISO-8601 duration (PT30S),"
                + " or 0 to turn it off: 'ten minutes' (context-param)"), m);
        assertTrue(m.contains("tether.maxMessageSize must be a number of bytes, optionally with KiB or MiB (65536, 64KiB, 16MiB): '16MB' (system property)"), m);
        assertTrue(m.contains("tether.maxConnections must be more than 0: '0' (system property)"), m);
    }

    @Test
    void anInvalidValueHigherUpIsNotHiddenByAValidOneBelow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeploymentSettings.from(List.of(
                source("init-param", Map.of("tether.writeTimeout", "0")),
                source("system property", Map.of("tether.writeTimeout", "30")))));
        assertEquals("Invalid Tether setting: tether.writeTimeout must be more than 0: '0' (init-param)", e.getMessage());
    }

    @Test
    void typosAreFoundButOtherPeoplesNamesAreLeftAlone() {
        assertEquals(Set.of("tether.pingIntervall"), DeploymentSettings.unknown(List.of(
                "tether.pingIntervall", "tether.pingInterval", "tether.demo.war", "transport", "java.version")));
    }
}
