package dev.tether.fuzz;

import dev.tether.protocol.InboundListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what an {@code InboundProtocol} delivers, as strings comparable with {@link ReferenceDecoder},
 * and enforces the listener-side invariants as they happen: nothing after the close frame, no message
 * larger than the limit, control payloads of at most 125 bytes.
 */
final class EventLog implements InboundListener {

    final List<String> events = new ArrayList<>();
    private final long maxMessageSize;
    private boolean closed;

    EventLog(long maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    @Override
    public void onText(String text) {
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        check(size <= maxMessageSize, "text message of " + size + " bytes exceeds the limit " + maxMessageSize);
        add("text:" + text);
    }

    @Override
    public void onBinary(byte[] data) {
        check(data.length <= maxMessageSize, "binary message of " + data.length + " bytes exceeds the limit " + maxMessageSize);
        add("binary:" + hex(data));
    }

    @Override
    public void onPing(byte[] payload) {
        check(payload.length <= 125, "ping payload of " + payload.length + " bytes");
        add("ping:" + hex(payload));
    }

    @Override
    public void onPong(byte[] payload) {
        check(payload.length <= 125, "pong payload of " + payload.length + " bytes");
        add("pong:" + hex(payload));
    }

    @Override
    public void onClose(int code, String reason) {
        add("close:" + code + ":" + reason);
        closed = true;
    }

    private void add(String event) {
        check(!closed, "event after the close frame: " + event);
        events.add(event);
    }

    private static void check(boolean ok, String message) {
        if (!ok) throw new AssertionError(message);
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) s.append(Character.forDigit((x >>> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        return s.toString();
    }
}
