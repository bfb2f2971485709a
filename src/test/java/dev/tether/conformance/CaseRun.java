package dev.tether.conformance;

import dev.tether.conformance.wire.RawConnection;
import dev.tether.conformance.wire.Transcript;
import java.io.BufferedInputStream;
import java.net.Socket;

/**
 * The state of one case while it runs: the connection, what was seen, and what the ending must be. Steps
 * read and update it; the runner checks the ending once the steps are done.
 */
public final class CaseRun {

    /** How the connection has ended, as far as the steps know. */
    public enum Ending {
        /** Not yet: the case must still close or drop the connection. */
        OPEN,
        /** Both close frames were exchanged: the runner checks that TCP ends promptly. */
        CLOSE_HANDSHAKE,
        /** The connection ended without a closing handshake, and the steps have checked that already. */
        DROPPED,
        /** No WebSocket connection was established (a refused handshake): nothing reaches the application. */
        NO_CONNECTION
    }

    private final ConformanceCase conformanceCase;
    private final Target target;
    private final Transcript transcript;
    private final ServerAccess server;
    private Socket socket;
    private BufferedInputStream in;
    private RawConnection connection;
    private Ending ending = Ending.OPEN;
    private ApiOutcome expectedApi;
    private final java.util.Map<String, Object> notes = new java.util.HashMap<>();

    CaseRun(ConformanceCase conformanceCase, Target target, Transcript transcript, ServerAccess server) {
        this.conformanceCase = conformanceCase;
        this.target = target;
        this.transcript = transcript;
        this.server = server;
    }

    public ConformanceCase conformanceCase() {
        return conformanceCase;
    }

    public Target target() {
        return target;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The open WebSocket connection; fails when the case has none (yet). */
    public RawConnection connection() {
        if (connection == null) throw new IllegalStateException("no WebSocket connection: the handshake has not happened");
        return connection;
    }

    public boolean hasConnection() {
        return connection != null;
    }

    void connection(RawConnection c) {
        this.connection = c;
    }

    /** The TCP connection before any handshake (cases that do the handshake themselves). */
    public Socket socket() {
        return socket;
    }

    /** The buffered input of {@link #socket()}: read through it, so no byte read ahead is lost. */
    public BufferedInputStream in() {
        return in;
    }

    void socket(Socket socket, BufferedInputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** A step has completed the opening handshake by hand: frames may flow from now on. */
    public void upgraded() throws java.io.IOException {
        connection = new RawConnection(socket, in, target == Target.SERVER, transcript);
    }

    /** What the server under test offers for cases that need more than one connection; fails on the client target. */
    public ServerAccess server() {
        if (server == null) throw new IllegalStateException("this step needs the server target");
        return server;
    }

    public Ending ending() {
        return ending;
    }

    /** Records how the connection ended and what the application must have seen. */
    public void ended(Ending ending, ApiOutcome expectedApi) {
        this.ending = ending;
        this.expectedApi = expectedApi;
    }

    public ApiOutcome expectedApi() {
        return expectedApi;
    }

    /** Keeps something a later step needs (the handshake key, the client's request). */
    public void note(String name, Object value) {
        notes.put(name, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T noted(String name) {
        Object v = notes.get(name);
        if (v == null) throw new IllegalStateException("nothing noted as " + name);
        return (T) v;
    }

    /** Fails the case with the transcript so far. */
    public AssertionError failure(String message) {
        return new AssertionError(message + "\n  transcript:" + transcript);
    }
}
