package dev.tether.session;

import static dev.tether.session.InboxTestSupport.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import dev.tether.WebSocketException;
import dev.tether.WebSocketTimeoutException;
import dev.tether.session.InboxTestSupport.Reader;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a reader waiting in Inbox.take leaves: a message, a timeout, an interrupt or the ending. */
class InboxWaitTest {

    private static final Runnable NO_RESUME = () -> {
        throw new AssertionError("nothing paused, nothing to resume");
    };

    private final Inbox inbox = new Inbox(1 << 20);

    @Test
    void aMessageAddedWhileTheReaderIsParkedWakesIt() throws Exception {
        Reader<Message> reader = new Reader<>("reader", () -> inbox.take(0, NO_RESUME));
        awaitParked(inbox, reader.thread);
        Message sent = Message.text("hello");
        inbox.add(sent);
        assertSame(sent, reader.result());
        assertFalse(inbox.hasMessages());
    }

    @Test
    void aMessageAddedBeforeTheTimeoutEndsATimedWait() throws Exception {
        Reader<Message> reader = new Reader<>("reader", () -> inbox.take(TimeUnit.MINUTES.toNanos(10), NO_RESUME));
        awaitParked(inbox, reader.thread);
        inbox.add(Message.text("in time"));
        assertEquals("in time", reader.result().text());
    }

    @Test
    void aTimedWaitWithoutMessageThrowsTheTimeoutExceptionNoEarlierThanTheTimeout() throws Exception {
        long timeout = TimeUnit.MILLISECONDS.toNanos(60);
        long start = System.nanoTime();
        Reader<Message> reader = new Reader<>("reader", () -> inbox.take(timeout, NO_RESUME));
        Throwable e = reader.failure();
        long waited = System.nanoTime() - start;
        assertInstanceOf(WebSocketTimeoutException.class, e);
        assertTrue(waited >= timeout, "gave up after " + waited + " ns, before its timeout of " + timeout);
        assertTrue(e.getMessage().contains("60 ms"), e.getMessage());
        assertFalse(inbox.isWaiting(reader.thread), "a reader that timed out is no longer noted as waiting");
        inbox.add(Message.text("later"));
        assertEquals(0, inbox.wakeUps(), "nobody waits any more: nobody to unpark");
        assertEquals("later", inbox.take(timeout, NO_RESUME).text());
    }

    @Test
    void interruptingAParkedReaderThrowsInterruptedIOExceptionAndKeepsTheFlag() throws Exception {
        for (long timeout : new long[] {0, TimeUnit.MINUTES.toNanos(10)}) {
            Reader<Boolean> reader = new Reader<>("reader", () -> {
                InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> inbox.take(timeout, NO_RESUME));
                assertEquals(InterruptedIOException.class, e.getClass(), "an interrupt, not a timeout or an ending");
                return Thread.currentThread().isInterrupted();
            });
            awaitParked(inbox, reader.thread);
            reader.thread.interrupt();
            assertTrue(reader.result(), "the interrupt flag is kept for the caller (timeout " + timeout + ")");
            assertFalse(inbox.isWaiting(reader.thread));
        }
        inbox.add(Message.text("after the interrupts"));
        assertEquals(0, inbox.wakeUps(), "the interrupted readers were forgotten");
    }

    @Test
    void anInterruptedReaderStillTakesAMessageThatIsThere() throws Exception {
        inbox.add(Message.text("ready"));
        Thread.currentThread().interrupt();
        try {
            assertEquals("ready", inbox.take(0, NO_RESUME).text());
            assertTrue(Thread.currentThread().isInterrupted());
            assertThrows(InterruptedIOException.class, () -> inbox.take(0, NO_RESUME), "nothing there: the interrupt ends the wait at once");
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void endingWakesAParkedReaderWithTheEndingsException() throws Exception {
        WebSocketException ended = new WebSocketException("ended");
        Reader<Message> reader = new Reader<>("reader", () -> inbox.take(0, NO_RESUME));
        awaitParked(inbox, reader.thread);
        assertFalse(inbox.end(() -> ended), "the read loop was not paused");
        assertSame(ended, reader.failure());
        assertTrue(inbox.isEnded());
    }

    @Test
    void endingWakesATimedReaderToo() throws Exception {
        Reader<Message> reader = new Reader<>("reader", () -> inbox.take(TimeUnit.MINUTES.toNanos(10), NO_RESUME));
        awaitParked(inbox, reader.thread);
        inbox.end(() -> new WebSocketException("ended"));
        Throwable failure = reader.failure();
        assertInstanceOf(WebSocketException.class, failure);
        assertFalse(failure instanceof WebSocketTimeoutException);
    }

    @Test
    void messagesQueuedBeforeTheEndingAreReadFirstThenEveryReadGetsTheEnding() throws Exception {
        inbox.add(Message.text("one"));
        inbox.add(Message.text("two"));
        inbox.end(() -> new WebSocketException("first ending"));
        inbox.end(() -> new WebSocketException("second ending, ignored"));
        assertTrue(inbox.isEnded());
        assertEquals("one", inbox.take(0, NO_RESUME).text());
        assertEquals("two", inbox.take(0, NO_RESUME).text());
        for (int i = 0; i < 2; i++) {
            assertEquals("first ending", assertThrows(WebSocketException.class, () -> inbox.take(0, NO_RESUME)).getMessage());
        }
    }

    @Test
    void hasMessagesFollowsAddsAndTakes() throws Exception {
        assertFalse(inbox.hasMessages());
        inbox.add(Message.binary(new byte[3]));
        assertTrue(inbox.hasMessages());
        inbox.take(0, NO_RESUME);
        assertFalse(inbox.hasMessages());
    }
}
