package dev.tether;

/**
 * The WebSocket failed: the peer violated the protocol (the connection was closed with
 * {@link #closeCode()}), or the opening handshake was refused (see {@link WebSocketHandshakeException}).
 */
public class WebSocketFailedException extends WebSocketException {
    private final int closeCode;

    public WebSocketFailedException(int closeCode, String message) {
        this(closeCode, message, null);
    }

    public WebSocketFailedException(int closeCode, String message, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
    }

    /** The close code the connection was failed with, for example 1002 or 1007. */
    public int closeCode() {
        return closeCode;
    }
}
