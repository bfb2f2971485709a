package dev.tether.servlet;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Read arrays shared by the connections of {@link ServletTransport}: a connection borrows one for a read
 * loop and gives it back, so that memory for reading grows with the connections reading at the same
 * moment, not with the connections open (10,000 idle ones held 16 KiB each). At most {@link #KEPT}
 * arrays wait here; beyond that, the garbage collector takes them.
 */
final class ReadBuffers {

    static final int KEPT = 64;

    private static final ArrayBlockingQueue<byte[]> FREE = new ArrayBlockingQueue<>(KEPT);

    private ReadBuffers() {
    }

    /** An array of {@code size} bytes, reused if one is free; its content is left over from earlier reads. */
    static byte[] acquire(int size) {
        byte[] array = FREE.poll();
        return array != null && array.length == size ? array : new byte[size];
    }

    /** Forgets every waiting array (tests start from an empty pool). */
    static void clear() {
        FREE.clear();
    }

    /** Gives an array back; the caller no longer uses it. */
    static void release(byte[] array) {
        FREE.offer(array);
    }
}
