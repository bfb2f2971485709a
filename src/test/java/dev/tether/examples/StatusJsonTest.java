package dev.tether.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusJsonTest {

    private static final Set<String> FIELDS = Set.of("timestamp", "uptimeMillis", "heapUsedBytes", "heapCommittedBytes",
            "heapMaxBytes", "threadCount", "gcCount", "gcTimeMillis", "openWebSockets", "messagesReceived", "messagesSent",
            "messagesReceivedPerSecond", "messagesSentPerSecond");

    @Test
    void everyFieldReadsBackWithItsValue() {
        StatusSample previous = new StatusSample(1_699_999_999_000L, 5_000_000_000L, 9_000, 1, 2, 3, 4, 5, 6, 7, 100, 300);
        StatusSample now = new StatusSample(1_700_000_000_000L, 7_000_000_000L, 11_000, 50_000_000, 128_000_000,
                2_000_000_000L, 31, 12, 85, 3, 105, 318);

        JsonObject status = parse(StatusJson.of(now, previous).toString());

        assertEquals(FIELDS, status.keySet());
        assertEquals(1_700_000_000_000L, longOf(status, "timestamp"));
        assertEquals(11_000, longOf(status, "uptimeMillis"));
        assertEquals(50_000_000, longOf(status, "heapUsedBytes"));
        assertEquals(128_000_000, longOf(status, "heapCommittedBytes"));
        assertEquals(2_000_000_000L, longOf(status, "heapMaxBytes"));
        assertEquals(31, longOf(status, "threadCount"));
        assertEquals(12, longOf(status, "gcCount"));
        assertEquals(85, longOf(status, "gcTimeMillis"));
        assertEquals(3, longOf(status, "openWebSockets"));
        assertEquals(105, longOf(status, "messagesReceived"));
        assertEquals(318, longOf(status, "messagesSent"));
        // 5 received and 18 sent over 2 s of the monotonic clock (the wall clock says 1 s: not used).
        assertEquals(2.5, status.getJsonNumber("messagesReceivedPerSecond").doubleValue());
        assertEquals(9.0, status.getJsonNumber("messagesSentPerSecond").doubleValue());
    }

    @Test
    void theFirstPushHasNoRateYet() {
        StatusSample now = new StatusSample(1_700_000_000_000L, 7_000_000_000L, 11_000, 1, 2, -1, 3, 4, 5, 6, 7, 8);
        JsonObject status = parse(StatusJson.of(now, null).toString());
        assertEquals(0.0, status.getJsonNumber("messagesReceivedPerSecond").doubleValue());
        assertEquals(0.0, status.getJsonNumber("messagesSentPerSecond").doubleValue());
        assertEquals(-1, longOf(status, "heapMaxBytes"), "a heap without limit says -1");
    }

    @Test
    void ratesAreRoundedToOneDecimal() {
        StatusSample previous = new StatusSample(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        StatusSample now = new StatusSample(0, 3_000_000_000L, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2);
        JsonObject status = parse(StatusJson.of(now, previous).toString());
        assertEquals("0.3", status.getJsonNumber("messagesReceivedPerSecond").toString());
        assertEquals("0.7", status.getJsonNumber("messagesSentPerSecond").toString());
    }

    @Test
    void aLiveSampleOfThisJvmIsPlausible() {
        long before = System.currentTimeMillis();
        JsonObject status = parse(StatusJson.of(StatusSample.now(), null).toString());
        assertEquals(FIELDS, status.keySet());
        for (String field : FIELDS) assertEquals(JsonValue.ValueType.NUMBER, status.get(field).getValueType(), field);
        assertTrue(longOf(status, "timestamp") >= before);
        assertTrue(longOf(status, "uptimeMillis") > 0);
        assertTrue(longOf(status, "heapUsedBytes") > 0);
        assertTrue(longOf(status, "heapCommittedBytes") >= longOf(status, "heapUsedBytes"));
        assertTrue(longOf(status, "threadCount") > 0);
        assertTrue(longOf(status, "gcCount") >= 0);
        assertTrue(longOf(status, "gcTimeMillis") >= 0);
        assertTrue(longOf(status, "openWebSockets") >= 0);
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static long longOf(JsonObject object, String field) {
        JsonNumber number = object.getJsonNumber(field);
        assertTrue(number.isIntegral(), field + " is a whole number");
        return number.longValueExact();
    }
}
