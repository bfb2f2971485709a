package dev.tether.session;

/** Package-private hooks of the session tests' {@link InMemoryTransport}, opened to the fuzz tests in {@code dev.tether.fuzz}. */
public final class SessionTestAccess {

    private SessionTestAccess() {
    }

    /** Every byte the session has written to the transport so far. */
    public static byte[] written(InMemoryTransport transport) {
        return transport.writtenBytes();
    }

    /** How often the session asked the transport to resume reading after a pause. */
    public static int resumes(InMemoryTransport transport) {
        return transport.resumes;
    }
}
