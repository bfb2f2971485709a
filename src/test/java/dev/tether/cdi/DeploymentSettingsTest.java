package dev.tether.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ping interval a deployment sets for annotated endpoints: formats, the off switch, bad values. */
class DeploymentSettingsTest {

    private static WebSocketConfig with(String pingInterval) {
        return DeploymentSettings.configFor(name -> Map.of(DeploymentSettings.PING_INTERVAL, pingInterval).get(name));
    }

    @Test
    void nothingSetKeepsTheDefaults() {
        assertSame(WebSocketConfig.defaults(), DeploymentSettings.configFor(name -> null));
        assertSame(WebSocketConfig.defaults(), with("  "));
    }

    @Test
    void wholeAndFractionalSeconds() {
        assertEquals(Duration.ofSeconds(20), with("20").pingInterval());
        assertEquals(Duration.ofMillis(2500), with(" 2.5 ").pingInterval());
    }

    @Test
    void isoDurations() {
        assertEquals(Duration.ofMinutes(1), with("PT1M").pingInterval());
        assertEquals(Duration.ofMillis(500), with("pt0.5s").pingInterval());
    }

    @Test
    void zeroTurnsTheHeartbeatOff() {
        assertEquals(Duration.ZERO, with("0").pingInterval());
    }

    @Test
    void onlyThePingIntervalChanges() {
        WebSocketConfig config = with("5");
        WebSocketConfig defaults = WebSocketConfig.defaults();
        assertEquals(defaults.pongTimeout(), config.pongTimeout());
        assertEquals(defaults.maxMessageSize(), config.maxMessageSize());
        assertEquals(defaults.writeTimeout(), config.writeTimeout());
    }

    @Test
    void badValuesFailWithTheSettingsName() {
        for (String bad : new String[] {"-1", "ten", "PT", "1e400", "0.0000000001"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> with(bad), bad);
            assertTrue(e.getMessage().startsWith(DeploymentSettings.PING_INTERVAL), e.getMessage());
        }
    }
}
