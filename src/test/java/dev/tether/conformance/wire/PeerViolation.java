package dev.tether.conformance.wire;

import java.io.IOException;

/** The implementation under test sent something RFC 6455 forbids (a malformed frame, a bad close payload…). */
public final class PeerViolation extends IOException {
    private static final long serialVersionUID = 1L;

    public PeerViolation(String message) {
        super(message);
    }
}
