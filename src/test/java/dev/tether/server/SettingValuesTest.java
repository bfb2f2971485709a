package dev.tether.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.protocol.handshake.OriginPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The formats of setting values, and errors that name the setting and quote the value. */
class SettingValuesTest {

    @Test
    void durationsInWholeOrFractionalSeconds() {
        assertEquals(Duration.ofSeconds(20), SettingValues.duration("t", "20", false));
        assertEquals(Duration.ofMillis(2500), SettingValues.duration("t", " 2.5 ", false));
    }

    @Test
    void durationsInIso8601() {
        assertEquals(Duration.ofMinutes(10), SettingValues.duration("t", "PT10M", false));
        assertEquals(Duration.ofMillis(500), SettingValues.duration("t", "pt0.5s", false));
    }

    @Test
    void zeroOnlyWhereItTurnsTheSettingOff() {
        assertEquals(Duration.ZERO, SettingValues.duration("t", "0", true));
        assertEquals(Duration.ZERO, SettingValues.duration("t", "PT0S", true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SettingValues.duration("tether.writeTimeout", "0", false));
        assertEquals("tether.writeTimeout must be more than 0: '0'", e.getMessage());
    }

    @Test
    void badDurationsNameTheSettingAndQuoteTheValue() {
        for (String bad : new String[] {"-1", "ten", "PT", "1e400", "0.0000000001", "30s", "", "PT-5S"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SettingValues.duration("tether.idleTimeout", bad, true), bad);
            assertTrue(e.getMessage().startsWith("tether.idleTimeout "), e.getMessage());
            assertTrue(e.getMessage().endsWith(": '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void sizesInBytesKibibytesOrMebibytes() {
        assertEquals(65536, SettingValues.size("s", "65536"));
        assertEquals(64 * 1024, SettingValues.size("s", "64KiB"));
        assertEquals(16L << 20, SettingValues.size("s", " 16 MiB "));
        assertEquals(1L << 20, SettingValues.size("s", "1mib"));
    }

    @Test
    void badSizes() {
        for (String bad : new String[] {"0", "-5", "16MB", "16 M", "1.5MiB", "MiB", "99999999999999999999", "9223372036854775807MiB"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SettingValues.size("tether.maxMessageSize", bad), bad);
            assertTrue(e.getMessage().startsWith("tether.maxMessageSize "), e.getMessage());
        }
    }

    @Test
    void counts() {
        assertEquals(2, SettingValues.count("c", " 2 "));
        for (String bad : new String[] {"0", "-1", "ten", "1.5", "3000000000"}) {
            assertThrows(IllegalArgumentException.class, () -> SettingValues.count("tether.maxConnections", bad), bad);
        }
    }

    @Test
    void originsAsACommaListOrAStar() {
        OriginPolicy policy = SettingValues.origins("o", "https://app.example.com, http://localhost:3000");
        assertTrue(policy.permits("https://app.example.com", "api.example.com", true));
        assertTrue(policy.permits("http://localhost:3000", "api.example.com", true));
        assertFalse(policy.permits("https://evil.example.com", "api.example.com", true));
        assertSame(OriginPolicy.any(), SettingValues.origins("o", " * "));
    }

    @Test
    void badOrigins() {
        for (String bad : new String[] {"", " , ", "app.example.com", "*, https://app.example.com", "https://app.example.com/path"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SettingValues.origins("tether.allowedOrigins", bad), bad);
            assertTrue(e.getMessage().startsWith("tether.allowedOrigins "), e.getMessage());
        }
    }
}
