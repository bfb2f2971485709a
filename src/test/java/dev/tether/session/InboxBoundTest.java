package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Message;
import dev.tether.WebSocketException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The byte bound: the read loop pauses when the inbox is full and resumes when the reader took enough. */
class InboxBoundTest {

    private final AtomicInteger resumed = new AtomicInteger();
    private final Runnable resume = resumed::incrementAndGet;

    @Test
    void pausesAtTheBoundAndResumesOnceBackUnderIt() throws Exception {
        Inbox inbox = new Inbox(10);
        inbox.add(Message.binary(new byte[6]));
        assertFalse(inbox.pauseIfFull(), "6 of 10 bytes");
        inbox.add(Message.text("123456"));
        assertTrue(inbox.pauseIfFull(), "12 of 10 bytes");

        inbox.take(0, resume);
        assertEquals(1, resumed.get(), "back to 6 of 10 bytes: the read loop resumes");
        inbox.take(0, resume);
        assertEquals(1, resumed.get(), "resumed once only");
    }

    @Test
    void exactlyAtTheBoundIsFull() throws Exception {
        Inbox inbox = new Inbox(4);
        inbox.add(Message.text("abcd"));
        assertTrue(inbox.pauseIfFull());
        inbox.add(Message.text("e")); // input already read when the loop paused still arrives
        inbox.take(0, resume);
        assertEquals(1, resumed.get(), "1 of 4 bytes left: resumed");
    }

    @Test
    void staysPausedWhileStillAtTheBound() throws Exception {
        Inbox inbox = new Inbox(4);
        inbox.add(Message.text("ab"));
        inbox.add(Message.text("cd"));
        inbox.add(Message.text("ef"));
        assertTrue(inbox.pauseIfFull());
        inbox.take(0, resume);
        assertEquals(0, resumed.get(), "4 of 4 bytes: still full");
        inbox.take(0, resume);
        assertEquals(1, resumed.get(), "2 of 4 bytes");
    }

    @Test
    void endingAPausedInboxTellsTheCallerToResumeAndNeverPausesAgain() throws Exception {
        Inbox inbox = new Inbox(2);
        inbox.add(Message.text("full"));
        assertTrue(inbox.pauseIfFull());
        assertTrue(inbox.end(() -> new WebSocketException("ended")), "paused: the caller resumes the read loop");
        assertFalse(inbox.end(() -> new WebSocketException("again")), "no longer paused");
        inbox.add(Message.text("more"));
        assertFalse(inbox.pauseIfFull(), "an ended inbox lets the read loop reach the close frame");
        inbox.take(0, resume);
        inbox.take(0, resume);
        assertEquals(0, resumed.get(), "the ending resumed it already");
    }

    @Test
    void aReaderWokenByTheMessageThatFillsTheInboxResumesTheLoopIfItPaused() throws Exception {
        Inbox inbox = new Inbox(3);
        InboxTestSupport.Reader<Message> reader = new InboxTestSupport.Reader<>("reader", () -> inbox.take(0, resume));
        InboxTestSupport.awaitParked(inbox, reader.thread);
        inbox.add(Message.text("abc"));
        boolean paused = inbox.pauseIfFull(); // races the woken reader: either way the loop must run again
        reader.result();
        assertEquals(paused ? 1 : 0, resumed.get());
        assertFalse(inbox.pauseIfFull());
    }
}
