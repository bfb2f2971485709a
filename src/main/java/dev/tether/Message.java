package dev.tether;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One complete WebSocket message: text or binary. Immutable. */
public final class Message {

    private final String text;
    private final byte[] bytes;

    private Message(String text, byte[] bytes) {
        this.text = text;
        this.bytes = bytes;
    }

    public static Message text(String text) {
        if (text == null) throw new NullPointerException("text");
        return new Message(text, null);
    }

    /** A binary message; the array is taken as is (not copied). */
    public static Message binary(byte[] bytes) {
        if (bytes == null) throw new NullPointerException("bytes");
        return new Message(null, bytes);
    }

    public boolean isText() {
        return text != null;
    }

    public boolean isBinary() {
        return bytes != null;
    }

    /** The text of a text message. */
    public String text() {
        if (text == null) throw new IllegalStateException("binary message, use bytes()");
        return text;
    }

    /** The bytes of a binary message, or the UTF-8 bytes of a text message. */
    public byte[] bytes() {
        return bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Message)) return false;
        Message m = (Message) o;
        return text != null ? text.equals(m.text) : m.bytes != null && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return text != null ? text.hashCode() : Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        if (text != null) {
            return text.length() <= 64 ? "text: " + text : "text (" + text.length() + " chars): " + text.substring(0, 64) + "…";
        }
        return "binary (" + bytes.length + " bytes)";
    }
}
