package dev.tether.conformance;

import dev.tether.CloseStatus;
import dev.tether.WebSocketClosedException;
import dev.tether.WebSocketFailedException;
import dev.tether.WebSocketHandshakeException;

/**
 * What the application saw through Tether's API for one connection: the echo loop
 * ({@code ws.runWith(ws::sendMessage)}) returned, with the connection's close status, or it threw.
 */
public record ApiOutcome(Kind kind, int code, String detail) {

    public enum Kind {
        /** {@code runWith} returned: the connection was closed ({@code code} is {@code closeStatus().code()}). */
        RETURNED,
        /**
         * {@code runWith} threw {@link WebSocketClosedException} with {@code code}: the handler's own send found
         * the connection closed (the peer's close overtook an echo). As good as {@link #RETURNED} with that code.
         */
        CLOSED,
        /** {@code runWith} threw {@link WebSocketFailedException} with {@code code}. */
        FAILED,
        /** {@code connect} threw {@link WebSocketHandshakeException} (client only). */
        REFUSED,
        /** Anything else: a bug or an unexpected exception. */
        OTHER
    }

    public static ApiOutcome returned(CloseStatus status) {
        return status == null ? new ApiOutcome(Kind.OTHER, -1, "runWith returned but closeStatus() is null")
                : new ApiOutcome(Kind.RETURNED, status.code(), status.reason());
    }

    /** Classifies what the echo loop (or connect) threw. */
    public static ApiOutcome thrown(Throwable t) {
        if (t instanceof WebSocketHandshakeException) {
            return new ApiOutcome(Kind.REFUSED, ((WebSocketHandshakeException) t).status(), t.toString());
        }
        if (t instanceof WebSocketClosedException) {
            return new ApiOutcome(Kind.CLOSED, ((WebSocketClosedException) t).code(), t.getMessage());
        }
        if (t instanceof WebSocketFailedException) {
            return new ApiOutcome(Kind.FAILED, ((WebSocketFailedException) t).closeCode(), t.getMessage());
        }
        return new ApiOutcome(Kind.OTHER, -1, t.toString());
    }

    /**
     * Whether the outcome is the one expected (the detail is informational only). A connection closed
     * normally may be reported either way: {@code runWith} returning, or the handler's send throwing
     * {@link WebSocketClosedException}, with the same code.
     */
    public boolean matches(ApiOutcome expected) {
        boolean kindMatches = kind == expected.kind || (expected.kind == Kind.RETURNED && kind == Kind.CLOSED);
        return kindMatches && (expected.code == ANY_CODE || code == expected.code);
    }

    /** In an expected outcome: any code will do. */
    public static final int ANY_CODE = Integer.MIN_VALUE;

    @Override
    public String toString() {
        String c = code == ANY_CODE ? "any" : Integer.toString(code);
        switch (kind) {
            case RETURNED: return "runWith returned, closeStatus " + c + (detail == null || detail.isEmpty() ? "" : " \"" + detail + "\"");
            case CLOSED: return "WebSocketClosedException(" + c + ") from the handler's send";
            case FAILED: return "WebSocketFailedException(" + c + ")" + (detail == null ? "" : ": " + detail);
            case REFUSED: return "WebSocketHandshakeException(status " + c + ")";
            default: return "unexpected: " + detail;
        }
    }
}
