package dev.tether;

import java.io.IOException;

/** Base of every Tether failure. */
public class WebSocketException extends IOException {
    public WebSocketException(String message) {
        super(message);
    }

    public WebSocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
