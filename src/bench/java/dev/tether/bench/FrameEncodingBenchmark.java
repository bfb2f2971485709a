package dev.tether.bench;

import dev.tether.protocol.FrameEncoder;
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
 * {@link FrameEncoder#dataFrame}: one operation encodes one BINARY frame of {@code size} bytes;
 * GB/s = ops/s × size. A server frame wraps the payload without touching it (so its GB/s only says how
 * cheap a frame is); a client frame is a masked copy with a fresh SecureRandom key (drawn in batches).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameEncodingBenchmark {

    @Param({"64", "4096", "1048576"})
    int size;

    @Param({"SERVER", "CLIENT"})
    Role role;

    private byte[] payload;
    private FrameEncoder encoder;

    @Setup
    public void setUp() {
        payload = BenchFrames.ascii(size);
        encoder = new FrameEncoder(role);
    }

    @Benchmark
    public ByteBuffer[] encode() {
        return encoder.dataFrame(Opcode.BINARY, true, payload, 0, size);
    }
}
