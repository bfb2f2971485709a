package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Frame order, control-frame priority, bounds and sender release of the outbound queue. */
class OutboundQueueTest {

    private static ByteBuffer buf(int tag) {
        return ByteBuffer.wrap(new byte[] {(byte) tag});
    }

    @Test
    void controlFramesGoBetweenWholeDataFramesNeverInside() {
        OutboundQueue q = new OutboundQueue();
        ByteBuffer header = buf(1);
        ByteBuffer payload = buf(2);
        q.enqueueData(header, payload);
        ByteBuffer ping = buf(9);
        q.enqueueControl(ping);

        ByteBuffer[] batch = new ByteBuffer[1];
        // A batch too small for the whole data frame takes only the control frame.
        assertEquals(1, q.take(batch));
        assertSame(ping, batch[0]);
        q.written();

        ByteBuffer[] big = new ByteBuffer[4];
        assertEquals(2, q.take(big));
        assertSame(header, big[0]);
        assertSame(payload, big[1]);
    }

    @Test
    void onlyOneBatchIsOutAtATime() {
        OutboundQueue q = new OutboundQueue();
        q.enqueueData(buf(1));
        q.enqueueData(buf(2));
        ByteBuffer[] batch = new ByteBuffer[1];
        assertEquals(1, q.take(batch));
        assertEquals(0, q.take(batch), "the first batch is not written yet");
        q.written();
        assertEquals(1, q.take(batch));
    }

    @Test
    void aBurstOfPongsWaitsInFull() {
        OutboundQueue q = new OutboundQueue();
        for (int i = 0; i < 10; i++) assertTrue(q.enqueuePong(buf(i)));
        ByteBuffer[] batch = new ByteBuffer[32];
        assertEquals(10, q.take(batch));
        for (int i = 0; i < 10; i++) assertEquals((byte) i, batch[i].get(0), "pongs in the order of their pings");
    }

    @Test
    void beyondTheBurstTheLatestWaitingPongIsReplacedNotAccumulated() {
        OutboundQueue q = new OutboundQueue();
        for (int i = 0; i < 1000; i++) assertTrue(q.enqueuePong(buf(i)));
        ByteBuffer[] batch = new ByteBuffer[32];
        assertEquals(OutboundQueue.MAX_WAITING_PONGS, q.take(batch));
        for (int i = 0; i < OutboundQueue.MAX_WAITING_PONGS - 1; i++) assertEquals((byte) i, batch[i].get(0));
        assertEquals((byte) 999, batch[OutboundQueue.MAX_WAITING_PONGS - 1].get(0), "the latest ping is answered");
    }

    @Test
    void waitingPongsLeaveRoomForOtherControlFrames() {
        OutboundQueue q = new OutboundQueue();
        for (int i = 0; i < 1000; i++) assertTrue(q.enqueuePong(buf(i)));
        for (int i = 0; i < OutboundQueue.MAX_CONTROL_FRAMES; i++) assertTrue(q.enqueueControl(buf(i)));
        assertFalse(q.enqueueControl(buf(99)));
    }

    @Test
    void controlFramesAreCapped() {
        OutboundQueue q = new OutboundQueue();
        for (int i = 0; i < OutboundQueue.MAX_CONTROL_FRAMES; i++) assertTrue(q.enqueueControl(buf(i)));
        assertFalse(q.enqueueControl(buf(99)));
    }

    @Test
    void closeDropsDataNotYetTakenAndRefusesMore() throws Exception {
        OutboundQueue q = new OutboundQueue();
        long taken = q.enqueueData(buf(1));
        ByteBuffer[] batch = new ByteBuffer[1];
        q.take(batch); // frame 1 is out: it will be written
        long dropped = q.enqueueData(buf(2));
        ByteBuffer close = buf(8);
        assertTrue(q.enqueueClose(close));

        assertEquals(-1, q.enqueueData(buf(3)));
        assertEquals(OutboundQueue.Outcome.DROPPED, q.awaitWritten(dropped, 1, TimeUnit.SECONDS));
        q.written();
        assertEquals(OutboundQueue.Outcome.WRITTEN, q.awaitWritten(taken, 1, TimeUnit.SECONDS));
        ByteBuffer[] next = new ByteBuffer[4];
        assertEquals(1, q.take(next));
        assertSame(close, next[0]);
    }

    @Test
    void waitingSenderTimesOutWhenNothingIsWritten() throws Exception {
        OutboundQueue q = new OutboundQueue();
        long seq = q.enqueueData(buf(1));
        assertEquals(OutboundQueue.Outcome.TIMED_OUT, q.awaitWritten(seq, 20, TimeUnit.MILLISECONDS));
    }

    @Test
    void abortReleasesWaitingSenders() throws Exception {
        OutboundQueue q = new OutboundQueue();
        long seq = q.enqueueData(buf(1));
        Thread aborter = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // the abort below still runs
            }
            q.abort();
        });
        aborter.start();
        assertEquals(OutboundQueue.Outcome.DROPPED, q.awaitWritten(seq, 10, TimeUnit.SECONDS));
        aborter.join();
        assertTrue(q.isEmpty());
    }
}
