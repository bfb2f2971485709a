package dev.tether.examples;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The JSON object the status demo pushes every second, one per text message:
 *
 * <pre>
 * {
 *   "timestamp": 1700000000000,          sample time, milliseconds since the epoch
 *   "uptimeMillis": 123456,              JVM uptime
 *   "heapUsedBytes": 52428800,
 *   "heapCommittedBytes": 134217728,
 *   "heapMaxBytes": 2147483648,          -1 when the heap has no limit
 *   "threadCount": 31,                   live threads (platform threads; virtual ones are not counted by the JVM)
 *   "gcCount": 12,                       collections so far, all collectors
 *   "gcTimeMillis": 85,                  time spent collecting so far, all collectors
 *   "openWebSockets": 3,                 open WebSocket connections in this JVM
 *   "messagesReceived": 1000,            WebSocket messages received since start, all connections
 *   "messagesSent": 2000,                WebSocket messages sent since start, all connections (these pushes too)
 *   "messagesReceivedPerSecond": 4.0,    over the interval since the previous push (0 in the first)
 *   "messagesSentPerSecond": 7.5
 * }
 * </pre>
 *
 * Built with JSON-P, never by concatenation.
 */
final class StatusJson {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private StatusJson() {
    }

    /** The status at {@code now}; rates are measured since {@code previous}, or 0 when it is null. */
    static JsonObject of(StatusSample now, StatusSample previous) {
        return JSON.createObjectBuilder()
                .add("timestamp", now.timestamp())
                .add("uptimeMillis", now.uptimeMillis())
                .add("heapUsedBytes", now.heapUsedBytes())
                .add("heapCommittedBytes", now.heapCommittedBytes())
                .add("heapMaxBytes", now.heapMaxBytes())
                .add("threadCount", now.threadCount())
                .add("gcCount", now.gcCount())
                .add("gcTimeMillis", now.gcTimeMillis())
                .add("openWebSockets", now.openWebSockets())
                .add("messagesReceived", now.messagesReceived())
                .add("messagesSent", now.messagesSent())
                .add("messagesReceivedPerSecond", perSecond(now.messagesReceived(), previous == null ? 0 : previous.messagesReceived(), now, previous))
                .add("messagesSentPerSecond", perSecond(now.messagesSent(), previous == null ? 0 : previous.messagesSent(), now, previous))
                .build();
    }

    /** The rate of a counter between two samples, to one decimal. */
    private static BigDecimal perSecond(long count, long previousCount, StatusSample now, StatusSample previous) {
        long elapsedNanos = previous == null ? 0 : now.monotonicNanos() - previous.monotonicNanos();
        if (elapsedNanos <= 0) return BigDecimal.ZERO.setScale(1);
        double rate = (count - previousCount) * 1e9 / elapsedNanos;
        return BigDecimal.valueOf(rate).setScale(1, RoundingMode.HALF_UP);
    }
}
