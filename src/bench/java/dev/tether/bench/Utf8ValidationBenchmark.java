package dev.tether.bench;

import dev.tether.protocol.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
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
 * {@link Utf8Validator} against the JDK's strict {@link CharsetDecoder} (malformed input reported, as a
 * validator must) decoding into a buffer allocated once. One operation checks {@code size} bytes of
 * valid UTF-8; GB/s = ops/s × size. The decoder does more (it produces the chars), which is the point of
 * comparison: validating without decoding should be cheaper than what the JDK offers for validation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Utf8ValidationBenchmark {

    @Param({"64", "4096", "1048576"})
    int size;

    /** ascii; cyrillic (2-byte letters, ASCII spaces); cjk (3-byte); mixed (ASCII, Cyrillic, CJK, emoji). */
    @Param({"ascii", "cyrillic", "cjk", "mixed"})
    String text;

    private byte[] bytes;
    private ByteBuffer in;
    private CharBuffer out;
    private final Utf8Validator validator = new Utf8Validator();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();

    @Setup
    public void setUp() {
        switch (text) {
            case "ascii":
                bytes = BenchFrames.ascii(size);
                break;
            case "cyrillic":
                bytes = BenchFrames.utf8("Съешь же ещё этих мягких французских булок, да выпей чаю. ", size);
                break;
            case "cjk":
                bytes = BenchFrames.utf8("天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏", size);
                break;
            case "mixed":
                bytes = BenchFrames.utf8("Hello, мир! 你好世界 😀🎉 naïve café — ok 👍🏽 ", size);
                break;
            default:
                throw new IllegalArgumentException(text);
        }
        if (!Utf8Validator.isValid(bytes, 0, size)) throw new IllegalStateException("bad sample " + text);
        in = ByteBuffer.wrap(bytes);
        out = CharBuffer.allocate(size);
    }

    @Benchmark
    public boolean tether() {
        validator.reset();
        return validator.feed(bytes, 0, size) && validator.isComplete();
    }

    @Benchmark
    public CoderResult jdkDecoder() {
        in.clear();
        out.clear();
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        decoder.flush(out);
        return result;
    }
}
