package dev.tether.session;

import static dev.tether.session.InboxTestSupport.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tether.Message;
import dev.tether.WebSocketException;
import dev.tether.WebSocketTimeoutException;
import dev.tether.session.InboxTestSupport.Reader;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Handing messages from the read loop to readers: no wake-up lost, none wasted, none duplicated. */
class InboxHandOffTest {

    private static final int MESSAGES = 200_000;

    /**
     * The read loop adds as the reader takes, pausing at a small bound as the transport does, and often
     * waits for the reader to catch up; the reader keeps catching up and parking. A lost wake-up (of the
     * reader, or of the paused loop) hangs here.
     */
    @Test
    void noWakeUpIsLostBetweenAProducerAndAReader() throws Exception {
        for (long timeout : new long[] {0, TimeUnit.MINUTES.toNanos(10)}) {
            Inbox inbox = new Inbox(24); // a few messages: the loop pauses often
            Semaphore resumed = new Semaphore(0);
            Reader<Integer> reader = new Reader<>("reader", () -> {
                for (int i = 0; i < MESSAGES; i++) {
                    Message m = inbox.take(timeout, resumed::release);
                    if (Integer.parseInt(m.text()) != i) fail("expected message " + i + ", got " + m.text());
                }
                return MESSAGES;
            });
            Reader<Integer> producer = new Reader<>("read loop", () -> {
                int pauses = 0;
                for (int i = 0; i < MESSAGES; i++) {
                    inbox.add(Message.text(Integer.toString(i)));
                    if (inbox.pauseIfFull()) {
                        pauses++;
                        if (!resumed.tryAcquire(InboxTestSupport.HANG_GUARD_SECONDS, TimeUnit.SECONDS)) fail("never resumed");
                    }
                    // Often wait until the reader ran dry, as a request awaiting its reply would: the reader
                    // then parks, and no later message would come to repair a lost wake-up.
                    if (i % 8 == 7) awaitDrained(inbox);
                }
                return pauses;
            });
            assertEquals(MESSAGES, reader.result());
            producer.result();
            assertFalse(inbox.hasMessages());
            assertEquals(0, resumed.availablePermits(), "resumed only when paused");
        }
    }

    private static void awaitDrained(Inbox inbox) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(InboxTestSupport.HANG_GUARD_SECONDS);
        while (inbox.hasMessages()) {
            if (System.nanoTime() - deadline > 0) fail("the reader never took the last message: its wake-up was lost");
            Thread.yield();
        }
    }

    @Test
    void addingWhileTheReaderIsBusyUnparksNobody() throws Exception {
        Inbox inbox = new Inbox(1 << 20);
        inbox.add(Message.text("before any reader"));
        assertEquals(0, inbox.wakeUps(), "no reader yet");

        Semaphore readAgain = new Semaphore(0);
        Reader<List<String>> reader = new Reader<>("reader", () -> {
            List<String> read = new ArrayList<>();
            read.add(inbox.take(0, null).text()); // there: no wait
            read.add(inbox.take(0, null).text()); // waits for the test's add
            // Busy: not in take while the test adds (waiting without parking, or a stray permit would hide).
            while (!readAgain.tryAcquire()) Thread.onSpinWait();
            read.add(inbox.take(0, null).text());
            read.add(inbox.take(0, null).text());
            return read;
        });
        awaitParked(inbox, reader.thread);
        inbox.add(Message.text("to a parked reader"));
        assertEquals(1, inbox.wakeUps(), "the parked reader was woken once");
        while (inbox.hasMessages()) Thread.onSpinWait();
        inbox.add(Message.text("to a busy reader"));
        inbox.add(Message.text("and another"));
        assertEquals(1, inbox.wakeUps(), "a busy reader is not unparked");
        readAgain.release();
        assertEquals(List.of("before any reader", "to a parked reader", "to a busy reader", "and another"), reader.result());
        assertEquals(1, inbox.wakeUps());
    }

    /** Readers that wait at the same time, one with short timeouts, then the ending: each message once. */
    @Test
    void concurrentReadersNeitherLoseNorDuplicateMessagesAndAllSeeTheEnding() throws Exception {
        int messages = 100_000;
        Inbox inbox = new Inbox(1 << 20);
        List<Reader<List<Integer>>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            long timeout = r == 0 ? TimeUnit.MILLISECONDS.toNanos(1) : 0;
            readers.add(new Reader<>("reader " + r, () -> {
                List<Integer> read = new ArrayList<>();
                while (true) {
                    try {
                        read.add(Integer.parseInt(inbox.take(timeout, () -> { }).text()));
                    } catch (WebSocketTimeoutException e) {
                        // waits again
                    } catch (WebSocketException e) {
                        assertEquals("ended", e.getMessage());
                        return read;
                    }
                }
            }));
        }
        for (Reader<List<Integer>> r : readers) awaitParked(inbox, r.thread);
        for (int i = 0; i < messages; i++) {
            inbox.add(Message.text(Integer.toString(i)));
            if (i % 512 == 0) LockSupport.parkNanos(20_000);
        }
        inbox.end(() -> new WebSocketException("ended"));

        BitSet seen = new BitSet(messages);
        int total = 0;
        for (Reader<List<Integer>> r : readers) {
            List<Integer> read = r.result();
            for (int i = 1; i < read.size(); i++) {
                assertTrue(read.get(i - 1) < read.get(i), r.thread.getName() + " read out of order");
            }
            for (int m : read) {
                if (seen.get(m)) fail("message " + m + " was read twice");
                seen.set(m);
            }
            total += read.size();
        }
        assertEquals(messages, total);
        assertEquals(messages, seen.cardinality());
    }

    @Test
    void twoParkedReadersAreBothWokenAndNeitherIsForgotten() throws Exception {
        Inbox inbox = new Inbox(1 << 20);
        Reader<String> first = new Reader<>("first", () -> inbox.take(0, null).text());
        Reader<String> second = new Reader<>("second", () -> inbox.take(0, null).text());
        awaitParked(inbox, first.thread);
        awaitParked(inbox, second.thread);
        inbox.add(Message.text("a"));
        inbox.add(Message.text("b"));
        List<String> read = new ArrayList<>(List.of(first.result(), second.result()));
        read.sort(null);
        assertEquals(List.of("a", "b"), read);
    }
}
