package dev.tether;

/**
 * The connection is closed: by a close frame from either side, or lost (1006). Carries the code and
 * reason.
 */
public class WebSocketClosedException extends WebSocketException {
    private final CloseStatus status;

    public WebSocketClosedException(CloseStatus status) {
        this(status, null);
    }

    public WebSocketClosedException(CloseStatus status, Throwable cause) {
        super("WebSocket closed: " + status, cause);
        this.status = status;
    }

    public CloseStatus status() {
        return status;
    }

    public int code() {
        return status.code();
    }

    public String reason() {
        return status.reason();
    }
}
