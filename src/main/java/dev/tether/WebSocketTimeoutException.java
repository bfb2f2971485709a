package dev.tether;

/** A read, write, connect or handshake did not complete in time. */
public class WebSocketTimeoutException extends WebSocketException {
    public WebSocketTimeoutException(String message) {
        super(message);
    }
}
