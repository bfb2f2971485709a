package dev.tether.bench;

import dev.tether.Message;
import dev.tether.WebSocketConfig;
import dev.tether.protocol.Opcode;
import dev.tether.protocol.Role;
import dev.tether.session.HandshakeInfo;
import dev.tether.session.WebSocketSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-message cost of the session layer over the protocol core, on one thread: a server session
 * with a {@link SinkTransport}. {@code echo}: a masked 64-byte text frame in ({@code onData}, as a
 * transport delivers it) → {@code readMessage} → {@code sendMessage} of its text → the frame's bytes
 * out. {@code receive} and {@code send} are the two halves alone, to attribute cost and allocation.
 * One operation = one message. No heartbeat runs (ping interval 0), so nothing else is on the wire.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SessionRoundTripBenchmark {

    private static final int SIZE = 64;

    private WebSocketSession session;
    private SinkTransport transport;
    private ByteBuffer input;
    private String outgoing;

    @Setup
    public void setUp() {
        WebSocketConfig config = WebSocketConfig.builder().pingInterval(Duration.ZERO).build();
        session = new WebSocketSession(Role.SERVER, config, new HandshakeInfo("/bench", null, null, null, null, null, null));
        transport = new SinkTransport(session);
        session.start(transport);
        byte[] text = BenchFrames.ascii(SIZE);
        input = ByteBuffer.wrap(BenchFrames.masked(Opcode.TEXT, true, text));
        outgoing = new String(text, StandardCharsets.US_ASCII);
    }

    @TearDown
    public void tearDown() {
        transport.abort();
    }

    @Benchmark
    public long echo() throws IOException {
        input.clear();
        session.onData(input);
        Message message = session.readMessage();
        session.sendMessage(message.text());
        return transport.bytesWritten;
    }

    @Benchmark
    public Message receive() throws IOException {
        input.clear();
        session.onData(input);
        return session.readMessage();
    }

    @Benchmark
    public long send() throws IOException {
        session.sendMessage(outgoing);
        return transport.bytesWritten;
    }
}
