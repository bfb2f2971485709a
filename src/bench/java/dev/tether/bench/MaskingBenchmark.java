package dev.tether.bench;

import dev.tether.protocol.Masking;
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
 * {@link Masking} against the byte-at-a-time loop anyone would write first. One operation (un)masks
 * {@code size} bytes in place; GB/s = ops/s × size.
 *
 * <p>Masking twice restores the data, so the same buffer is reused with nothing to reset. The key and
 * phase live in non-final fields so the JIT cannot fold them; the buffer is state, so the writes are
 * observable and cannot be eliminated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MaskingBenchmark {

    @Param({"64", "4096", "1048576"})
    int size;

    /** The payload position modulo 4 at which the chunk starts. */
    @Param({"0", "3"})
    int phase;

    @Param({"heap", "direct"})
    String buffer;

    private byte[] array;
    private ByteBuffer direct;
    private int key;
    private byte[] keyBytes;

    @Setup
    public void setUp() {
        array = BenchFrames.ascii(size);
        if (buffer.equals("direct")) {
            direct = ByteBuffer.allocateDirect(size);
            direct.put(array).clear();
        }
        key = 0x9E3779B9;
        keyBytes = new byte[] {(byte) (key >>> 24), (byte) (key >>> 16), (byte) (key >>> 8), (byte) key};
    }

    @Benchmark
    public void tether() {
        if (direct == null) {
            Masking.mask(array, 0, size, key, phase);
        } else {
            Masking.mask(direct, key, phase);
        }
    }

    @Benchmark
    public void naive() {
        byte[] k = keyBytes;
        int p = phase;
        int n = size;
        if (direct == null) {
            byte[] b = array;
            for (int i = 0; i < n; i++) b[i] ^= k[(i + p) & 3];
        } else {
            ByteBuffer b = direct;
            for (int i = 0; i < n; i++) b.put(i, (byte) (b.get(i) ^ k[(i + p) & 3]));
        }
    }
}
