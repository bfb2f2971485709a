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
 * A BINARY message of {@code size} bytes arriving in {@code fragments} masked frames (one buffer holding
 * them all), assembled by {@link InboundProtocol}. One operation = one message; GB/s = ops/s × size.
 * One fragment is the unfragmented reference.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MessageAssemblyBenchmark {

    @Param({"1048576"})
    int size;

    @Param({"1", "16", "256"})
    int fragments;

    private ByteBuffer input;
    private InboundProtocol protocol;
    private final LastMessage sink = new LastMessage();

    @Setup
    public void setUp() {
        input = ByteBuffer.wrap(BenchFrames.fragmented(Opcode.BINARY, BenchFrames.ascii(size), fragments));
        protocol = new InboundProtocol(Role.SERVER, 16L << 20, 16L << 20, sink);
    }

    @Benchmark
    public Object assemble() throws WebSocketFailedException {
        input.clear();
        protocol.receive(input);
        return sink.last;
    }
}
