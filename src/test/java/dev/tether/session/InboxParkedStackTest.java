package dev.tether.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tether.Message;
import dev.tether.WebSocketConfig;
import dev.tether.session.InboxTestSupport.Reader;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The frames under a reader parked for a message: every one is frozen into the stack of each idle
 * connection's virtual thread (issue #6), so none is spent between {@code readMessage} and the park.
 */
class InboxParkedStackTest {

    @Test
    void runWithParksInInboxTakeOneFrameBelow() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        CountDownLatch handled = new CountDownLatch(1);
        StackTraceElement[] stack = parkedStack(t, () -> {
            t.session.runWith(message -> handled.countDown());
            return null;
        }, () -> assertTrue(handled.await(InboxTestSupport.HANG_GUARD_SECONDS, TimeUnit.SECONDS)));
        int take = indexOf(stack, Inbox.class.getName(), "take");
        assertTrue(stack[take - 1].getClassName().equals(LockSupport.class.getName())
                && stack[take - 1].getMethodName().startsWith("park"), "take parks itself: " + Arrays.toString(stack));
        assertEquals(WebSocketSession.class.getName(), stack[take + 1].getClassName(), Arrays.toString(stack));
        assertEquals("runWith", stack[take + 2].getMethodName(),
                "runWith reads through one frame only, not through readMessage(): " + Arrays.toString(stack));
    }

    @Test
    void readMessageParksInInboxTakeOneFrameBelow() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        StackTraceElement[] stack = parkedStack(t, t.session::readMessage, () -> { });
        int take = indexOf(stack, Inbox.class.getName(), "take");
        assertEquals("park", stack[take - 1].getMethodName(), Arrays.toString(stack));
        assertEquals(WebSocketSession.class.getName(), stack[take + 1].getClassName(), Arrays.toString(stack));
        assertEquals("readMessage", stack[take + 2].getMethodName(), Arrays.toString(stack));
    }

    @Test
    void readMessageWithATimeoutParksInInboxTakeOneFrameBelow() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        StackTraceElement[] stack = parkedStack(t, () -> t.session.readMessage(Duration.ofMinutes(10)), () -> { });
        int take = indexOf(stack, Inbox.class.getName(), "take");
        assertEquals("parkNanos", stack[take - 1].getMethodName(), Arrays.toString(stack));
        assertEquals(LockSupport.class.getName(), stack[take - 1].getClassName());
        assertEquals("readMessage", stack[take + 2].getMethodName(), Arrays.toString(stack));
    }

    /** The stack of a thread running {@code read} once it parks; then a message lets it go on ({@code after} checks that). */
    private static StackTraceElement[] parkedStack(InMemoryTransport t, Callable<Message> read, Check after) throws Exception {
        Reader<Message> reader = new Reader<>("reader", read);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(InboxTestSupport.HANG_GUARD_SECONDS);
        StackTraceElement[] stack;
        while (true) {
            Thread.State state = reader.thread.getState();
            stack = reader.thread.getStackTrace();
            if ((state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) && indexOf(stack, Inbox.class.getName(), "take") > 0) {
                break;
            }
            if (System.nanoTime() - deadline > 0 || !reader.thread.isAlive()) fail("the reader never parked");
            Thread.sleep(1);
        }
        t.receive(ClientFrames.text("done"));
        after.run();
        t.session.close();
        reader.result();
        return stack;
    }

    private interface Check {
        void run() throws Exception;
    }

    private static int indexOf(StackTraceElement[] stack, String className, String method) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().equals(className) && stack[i].getMethodName().equals(method)) return i;
        }
        return -1;
    }
}
