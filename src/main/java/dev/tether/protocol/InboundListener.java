package dev.tether.protocol;

/** The events of the receive side, delivered by {@link InboundProtocol} on the thread that feeds it. */
public interface InboundListener {

    /** A complete text message, validated UTF-8. */
    void onText(String text);

    /** A complete binary message; the array is the receiver's to keep. */
    void onBinary(byte[] data);

    /** A ping; the payload (0..125 bytes) is a copy the receiver may keep, e.g. to answer with a pong. */
    void onPing(byte[] payload);

    /** A pong; the payload is a copy. */
    void onPong(byte[] payload);

    /**
     * The peer's close frame. {@code code} is 1005 and {@code reason} "" when the frame had no payload;
     * otherwise the code is one that may appear on the wire and the reason is valid UTF-8.
     */
    void onClose(int code, String reason);
}
