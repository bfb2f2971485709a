package dev.tether.protocol;

import java.util.function.IntSupplier;

/**
 * Package-private hooks of the protocol core, opened to tests in other packages (the fuzz tests in
 * {@code dev.tether.fuzz}) without widening the main API.
 */
public final class ProtocolTestAccess {

    private ProtocolTestAccess() {
    }

    /** How many bytes the message assembly buffer of {@code protocol} holds now. */
    public static int assemblyCapacity(InboundProtocol protocol) {
        return protocol.assemblyCapacity();
    }

    /** An encoder whose masking keys come from {@code keys}, so that a fuzz input decides them (reproducibly). */
    public static FrameEncoder encoder(Role role, IntSupplier keys) {
        return new FrameEncoder(role, keys);
    }
}
