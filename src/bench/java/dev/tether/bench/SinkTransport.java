package dev.tether.bench;

import dev.tether.session.OutboundQueue;
import dev.tether.session.Transport;
import dev.tether.session.TransportListener;
import java.nio.ByteBuffer;

/**
 * A transport with no network that writes synchronously into a fixed byte array, as a socket buffer
 * would take the bytes: flush() copies every queued frame out and reports it written before returning,
 * so a send completes on the calling thread. Allocates nothing itself (unlike the test suite's
 * in-memory transport, which keeps everything written and copies its input).
 */
final class SinkTransport implements Transport {

    private final TransportListener session;
    private final ByteBuffer[] batch = new ByteBuffer[16];
    private final byte[] sink = new byte[64 * 1024];
    long bytesWritten;

    SinkTransport(TransportListener session) {
        this.session = session;
    }

    @Override
    public void flush() {
        OutboundQueue queue = session.outbound();
        int n;
        while ((n = queue.take(batch)) > 0) {
            for (int i = 0; i < n; i++) {
                ByteBuffer b = batch[i];
                batch[i] = null;
                while (b.hasRemaining()) {
                    int chunk = Math.min(b.remaining(), sink.length);
                    b.get(sink, 0, chunk);
                    bytesWritten += chunk;
                }
            }
            queue.written();
        }
    }

    @Override
    public void resumeReading() {
    }

    @Override
    public void close() {
        session.onTransportClosed();
    }

    @Override
    public void abort() {
        session.onTransportClosed();
    }
}
