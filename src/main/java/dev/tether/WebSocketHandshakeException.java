package dev.tether;

/** The opening handshake was refused or invalid. Client side it carries the HTTP status and body. */
public class WebSocketHandshakeException extends WebSocketFailedException {
    private final int status;
    private final String body;

    public WebSocketHandshakeException(String message, int status, String body) {
        super(CloseCodes.PROTOCOL_ERROR, message);
        this.status = status;
        this.body = body == null ? "" : body;
    }

    /** The HTTP status of the refusal, or -1 when no status line was received. */
    public int status() {
        return status;
    }

    /** The body of the refusal (possibly truncated), or an empty string. */
    public String body() {
        return body;
    }
}
