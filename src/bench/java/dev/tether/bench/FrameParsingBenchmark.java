package dev.tether.bench;

import dev.tether.WebSocketFailedException;
import dev.tether.protocol.InboundProtocol;
import dev.tether.protocol.Opcode;
import dev.tether.protocol.Role;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The receive side as a server runs it: one masked single-frame message of {@code size} bytes fed to
 * {@link InboundProtocol} in one buffer, out comes the message (a byte[] or a String, as the API hands
 * it over). One operation = one frame = one message; GB/s = ops/s × size.
 *
 * <p>TEXT includes the UTF-8 validation and the String the API returns; the payload is ASCII, masked
 * with a key that keeps it ASCII (see {@link BenchFrames}), because unmasking in place alternates the
 * buffer between its masked and unmasked forms from one operation to the next.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameParsingBenchmark {

    @Param({"64", "4096", "1048576"})
    int size;

    @Param({"BINARY", "TEXT"})
    Opcode opcode;

    /** heap: unmasked in place; direct (as some transports read): copied through the parser's scratch array. */
    @Param({"heap", "direct"})
    String input;

    private ByteBuffer buffer;
    private InboundProtocol protocol;
    private final LastMessage sink = new LastMessage();

    @Setup
    public void setUp() {
        byte[] frame = BenchFrames.masked(opcode, true, BenchFrames.ascii(size));
        if (input.equals("direct")) {
            buffer = ByteBuffer.allocateDirect(frame.length);
            buffer.put(frame).clear();
        } else {
            buffer = ByteBuffer.wrap(frame);
        }
        protocol = new InboundProtocol(Role.SERVER, 16L << 20, 16L << 20, sink);
    }

    @Benchmark
    public Object parse() throws WebSocketFailedException {
        buffer.clear();
        protocol.receive(buffer);
        return sink.last;
    }
}
