package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.protocol.FrameEncoder;
import dev.tether.protocol.Opcode;
import dev.tether.protocol.Role;
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
    void closeGoesOutAfterTheDataAlreadyQueuedAndRefusesMore() throws Exception {
        OutboundQueue q = new OutboundQueue();
        long taken = q.enqueueData(buf(1));
        ByteBuffer[] batch = new ByteBuffer[1];
        q.take(batch); // frame 1 is out
        long queued = q.enqueueData(buf(2));
        ByteBuffer close = buf(8);
        assertTrue(q.enqueueClose(close));
        assertEquals(-1, q.enqueueData(buf(3)));
        q.written();
        assertEquals(OutboundQueue.Outcome.WRITTEN, q.awaitWritten(taken, 1, TimeUnit.SECONDS));

        ByteBuffer[] next = new ByteBuffer[4];
        assertEquals(2, q.take(next));
        assertEquals(2, next[0].get(0), "the data queued before the close");
        assertSame(close, next[1]);
        q.written();
        assertEquals(OutboundQueue.Outcome.WRITTEN, q.awaitWritten(queued, 1, TimeUnit.SECONDS));
        assertEquals(0, q.unwrittenBytes());
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

    private static final FrameEncoder SERVER = new FrameEncoder(Role.SERVER);

    @Test
    void smallFramesQueuedInARowLeaveAsOneBuffer() throws Exception {
        OutboundQueue q = new OutboundQueue();
        for (int i = 0; i < 10; i++) {
            assertTrue(q.appendSmall(SERVER, Opcode.TEXT, true, new byte[] {(byte) ('0' + i)}, 0, 1) > 0);
        }
        ByteBuffer[] batch = new ByteBuffer[4];
        assertEquals(1, q.take(batch), "ten frames, one buffer, one write");
        assertEquals(30, batch[0].remaining());
        assertEquals((byte) 0x81, batch[0].get(0));
        assertEquals('9', batch[0].get(29));
        assertEquals(30, q.unwrittenBytes());
        q.written();
        assertEquals(0, q.unwrittenBytes());
        assertEquals(OutboundQueue.Outcome.WRITTEN, q.awaitWritten(10, 0, TimeUnit.SECONDS));
    }

    @Test
    void aFrameQueuedOnItsOwnKeepsItsPlaceBetweenSmallFrames() {
        OutboundQueue q = new OutboundQueue();
        q.appendSmall(SERVER, Opcode.TEXT, true, new byte[] {'a'}, 0, 1);
        ByteBuffer big = buf(7);
        q.enqueueData(big);
        q.appendSmall(SERVER, Opcode.TEXT, true, new byte[] {'b'}, 0, 1);
        ByteBuffer[] batch = new ByteBuffer[4];
        assertEquals(3, q.take(batch));
        assertEquals('a', batch[0].get(2));
        assertSame(big, batch[1]);
        assertEquals('b', batch[2].get(2));
    }

    @Test
    void segmentsAreReusedOnceWrittenAndRefusedWhileBothAreBusy() {
        OutboundQueue q = new OutboundQueue();
        q.appendSmall(SERVER, Opcode.TEXT, true, new byte[] {'a'}, 0, 1);
        ByteBuffer[] batch = new ByteBuffer[4];
        q.take(batch);
        ByteBuffer firstSegment = batch[0];
        q.appendSmall(SERVER, Opcode.TEXT, true, new byte[] {'b'}, 0, 1); // the second segment
        q.enqueueData(buf(7));
        assertEquals(0, q.appendSmall(SERVER, Opcode.TEXT, true, new byte[] {'c'}, 0, 1),
                "one segment out, one queued behind a frame: the caller must queue on its own");
        q.written();
        assertTrue(q.appendSmall(SERVER, Opcode.TEXT, true, new byte[] {'c'}, 0, 1) > 0);
        assertEquals(3, q.take(batch));
        assertSame(firstSegment, batch[2], "the first segment, free again, took 'c'");
    }

    @Test
    void aSenderWaitingForRoomIsReleasedWhenThePeerTakesEnough() throws Exception {
        OutboundQueue q = new OutboundQueue();
        q.enqueueData(ByteBuffer.wrap(new byte[100]));
        assertEquals(OutboundQueue.Outcome.TIMED_OUT, q.awaitUnwrittenAtMost(50, 20, TimeUnit.MILLISECONDS));
        ByteBuffer[] batch = new ByteBuffer[4];
        q.take(batch);
        q.written();
        assertEquals(OutboundQueue.Outcome.WRITTEN, q.awaitUnwrittenAtMost(50, 1, TimeUnit.SECONDS));
    }

    @Test
    void aSenderWaitingForRoomIsToldOfTheClose() throws Exception {
        OutboundQueue q = new OutboundQueue();
        q.enqueueData(ByteBuffer.wrap(new byte[100]));
        q.enqueueClose(buf(8));
        assertEquals(OutboundQueue.Outcome.DROPPED, q.awaitUnwrittenAtMost(50, 1, TimeUnit.SECONDS));
    }
}
