package dev.tether.conformance.wire;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One side of a WebSocket connection on a bare socket, after the opening handshake: sends any bytes a case
 * asks for and reads the other side's frames strictly ({@link FrameReader}). Used as the client against
 * Tether's server, and as the server against Tether's client.
 *
 * <p>Pings the implementation sends on its own (heartbeats) are answered and skipped, so that they never
 * disturb the order a case expects; they are noted in the transcript.
 */
public final class RawConnection implements Closeable {

    /** The largest frame this test reads: above the largest message any case sends (16 MiB). */
    private static final long MAX_PAYLOAD = 20L * 1024 * 1024;

    /** How the other side ended the TCP connection, if it did. */
    public enum Ending { END_OF_STREAM, RESET, STILL_OPEN }

    private final Socket socket;
    private final BufferedInputStream in;
    private final OutputStream out;
    private final boolean weAreClient;
    private final FrameReader reader;
    private final Transcript transcript;
    private ReceivedFrame lookahead;
    private boolean closeSent;

    /**
     * @param in the socket's input, possibly already buffered by the handshake (bytes read ahead are kept)
     * @param weAreClient whether this side masks (client) and requires unmasked frames (from a server)
     */
    public RawConnection(Socket socket, BufferedInputStream in, boolean weAreClient, Transcript transcript) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.weAreClient = weAreClient;
        this.reader = new FrameReader(in, !weAreClient, MAX_PAYLOAD);
        this.transcript = transcript;
    }

    public boolean weAreClient() {
        return weAreClient;
    }

    public Socket socket() {
        return socket;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The bytes of a frame as this side sends it (masked by role unless the frame says otherwise). */
    public byte[] encode(TestFrame frame) {
        return FrameBytes.encode(frame, weAreClient);
    }

    public int headerLength(TestFrame frame) {
        return FrameBytes.headerLength(frame, weAreClient);
    }

    /** Writes and flushes in one call (with TCP_NODELAY: one segment, as far as the OS allows). */
    public void write(byte[] b, int off, int len, String what) throws IOException {
        transcript.add("→ " + what + " (" + len + " bytes)");
        out.write(b, off, len);
        out.flush();
    }

    public void sendFrame(TestFrame frame) throws IOException {
        byte[] b = encode(frame);
        if (frame.opcode() == TestFrame.CLOSE) closeSent = true;
        write(b, 0, b.length, frame.toString());
    }

    /** Marks that this side sent a close frame (for frames sent as raw slices). */
    public void noteCloseSent() {
        closeSent = true;
    }

    public boolean closeSent() {
        return closeSent;
    }

    /**
     * The next frame of the other side, waiting at most {@code timeout} for each read.
     *
     * @throws SocketTimeoutException when nothing arrives in time
     * @throws EOFException when the other side closed TCP
     * @throws PeerViolation when the other side sent a frame RFC 6455 forbids
     */
    public ReceivedFrame next(Duration timeout) throws IOException {
        ReceivedFrame f = peek(timeout);
        lookahead = null;
        return f;
    }

    /** As {@link #next} without consuming the frame. */
    public ReceivedFrame peek(Duration timeout) throws IOException {
        while (lookahead == null) {
            socket.setSoTimeout(timeoutMillis(timeout));
            ReceivedFrame f;
            try {
                f = reader.read();
            } catch (EOFException e) {
                transcript.add("← end of stream (" + e.getMessage() + ")");
                throw e;
            } catch (SocketTimeoutException e) {
                transcript.add("← nothing within " + timeout.toMillis() + " ms");
                throw e;
            } catch (PeerViolation e) {
                transcript.add("← VIOLATION: " + e.getMessage());
                throw e;
            }
            transcript.add("← " + f);
            if (f.opcode() == TestFrame.PING && !closeSent) {
                // A heartbeat of the implementation: answer it as any peer would, and keep it out of the case.
                sendFrame(TestFrame.pong(f.payload()));
                continue;
            }
            lookahead = f;
        }
        return lookahead;
    }

    /** True when no byte arrives within {@code duration}; the first byte that does arrive is not consumed. */
    public boolean silentFor(Duration duration) throws IOException {
        if (lookahead != null) return false;
        socket.setSoTimeout(timeoutMillis(duration));
        in.mark(1);
        try {
            int b = in.read();
            in.reset();
            if (b < 0) {
                transcript.add("← end of stream while silence was expected");
            }
            return false;
        } catch (SocketTimeoutException e) {
            transcript.add("  (silence for " + duration.toMillis() + " ms)");
            return true;
        }
    }

    /**
     * Waits up to {@code timeout} for the other side to end TCP, reading and noting anything that still
     * arrives. Returns how it ended, or {@link Ending#STILL_OPEN}.
     *
     * @param unexpected receives a description of any bytes that arrived before the end (null: none did)
     */
    public Ending awaitEnd(Duration timeout, StringBuilder unexpected) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                transcript.add("  TCP still open after " + timeout.toMillis() + " ms");
                return Ending.STILL_OPEN;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (SocketException e) {
                transcript.add("← connection reset (" + e.getMessage() + ")");
                return Ending.RESET;
            }
            if (n < 0) {
                transcript.add("← end of stream");
                return Ending.END_OF_STREAM;
            }
            transcript.add("← " + n + " unexpected bytes after the close: " + Hex.of(buf, 0, n));
            if (unexpected != null) unexpected.append(Hex.of(buf, 0, n)).append(' ');
        }
    }

    /** Half-closes: sends FIN, keeps reading. */
    public void shutdownOutput() {
        try {
            transcript.add("→ FIN (shutdown output)");
            socket.shutdownOutput();
        } catch (IOException e) {
            transcript.add("  (shutdown output failed: " + e.getMessage() + ")");
        }
    }

    /** Drops the connection with a reset (SO_LINGER 0), as a crashed peer's OS would. */
    public void abort() {
        try {
            transcript.add("→ RST (abort)");
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    private static int timeoutMillis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
