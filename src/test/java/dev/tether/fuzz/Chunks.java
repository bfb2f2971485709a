package dev.tether.fuzz;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How a byte stream is cut into the pieces a transport hands over, decided by the fuzz input: a list of
 * up to 15 chunk sizes (0..255, an empty chunk included), used over and over until the stream is cut up.
 * No sizes means the stream arrives whole.
 */
final class Chunks {

    private final int[] sizes;

    private Chunks(int[] sizes) {
        this.sizes = sizes;
    }

    /** Reads a count byte (low 4 bits) and that many size bytes. */
    static Chunks read(FuzzInput in) {
        int count = in.u8() & 0x0F;
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) sizes[i] = in.u8();
        return new Chunks(sizes);
    }

    static Chunks whole() {
        return new Chunks(new int[0]);
    }

    /** The [start, end) bounds of every chunk of a stream of {@code length} bytes, in order. */
    List<int[]> cut(int length) {
        List<int[]> cuts = new ArrayList<>();
        int total = 0;
        for (int s : sizes) total += s;
        if (sizes.length == 0 || total == 0) {
            cuts.add(new int[] {0, length});
            return cuts;
        }
        int pos = 0;
        for (int i = 0; pos < length; i = (i + 1) % sizes.length) {
            int end = Math.min(length, pos + sizes[i]);
            cuts.add(new int[] {pos, end});
            pos = end;
        }
        return cuts;
    }

    /** Chunks of one stream, as buffers of one kind. */
    interface Source {
        ByteBuffer chunk(int start, int end);
    }

    /** How a chunk is presented: the three kinds of ByteBuffer the protocol core must treat alike. */
    enum BufferKind {
        /** A window of the whole array: position and arrayOffset as the caller left them. */
        HEAP_WINDOW,
        /** A slice: arrayOffset != 0, position 0. */
        HEAP_SLICE,
        /** Off-heap: no array at all. */
        DIRECT;

        /** The kind two bits choose (3 counts as 0). */
        static BufferKind of(int bits) {
            return values()[(bits & 3) % 3];
        }

        /**
         * Hands out chunks [start, end) of {@code stream} as buffers of this kind. Heap kinds share the array
         * (the core may unmask in place); the direct kind copies the stream off-heap once and slices it, as a
         * direct buffer per chunk would cost more than the code under test.
         */
        Source over(byte[] stream) {
            switch (this) {
                case HEAP_WINDOW:
                    return (start, end) -> ByteBuffer.wrap(stream, start, end - start);
                case HEAP_SLICE:
                    return (start, end) -> ByteBuffer.wrap(stream, start, end - start).slice();
                default:
                    ByteBuffer direct = ByteBuffer.allocateDirect(stream.length);
                    direct.put(stream).flip();
                    return (start, end) -> direct.slice(start, end - start);
            }
        }
    }
}
