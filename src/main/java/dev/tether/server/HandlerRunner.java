package dev.tether.server;

import dev.tether.CloseCodes;
import dev.tether.WebSocketException;
import dev.tether.WebSocketHandler;
import dev.tether.session.Threads;
import dev.tether.session.WebSocketSession;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a new server connection to its handler, on a thread of its own (virtual on JDK 21+), for as long
 * as the handler runs: Zinc's {@code value: webSocket}.
 */
public final class HandlerRunner {

    private static final Logger LOG = Logger.getLogger(HandlerRunner.class.getName());

    private HandlerRunner() {
    }

    /**
     * Starts {@code handler} on {@code session}. When it returns, the connection is closed normally (1000);
     * when it throws, it is closed with 1011 and the exception is logged. An exception that only reports
     * the connection's own end (closed, failed, timed out) is not a handler bug and is logged quietly.
     */
    public static Thread start(WebSocketSession session, WebSocketHandler handler) {
        return Threads.start("tether-handler", new Run(session, handler));
    }

    /**
     * The handler's task. A class rather than a lambda: a lambda adds two frames (its hidden proxy method and
     * the synthetic method it calls) under every handler, and an idle handler's virtual thread keeps its
     * whole parked stack on the heap, frame by frame, for as long as the connection is open.
     */
    private static final class Run implements Runnable {
        private final WebSocketSession session;
        private final WebSocketHandler handler;

        Run(WebSocketSession session, WebSocketHandler handler) {
            this.session = session;
            this.handler = handler;
        }

        @Override
        public void run() {
            try {
                handler.handle(session);
                session.close(CloseCodes.NORMAL, "");
            } catch (WebSocketException e) {
                LOG.log(Level.FINE, e, () -> "handler of " + session.path() + " ended with the connection: " + e.getMessage());
                session.close(CloseCodes.NORMAL, "");
            } catch (Throwable e) {
                LOG.log(Level.WARNING, e, () -> "handler " + handler + " failed on " + session.path());
                session.close(CloseCodes.INTERNAL_ERROR, "internal error");
                if (e instanceof Error && !(e instanceof StackOverflowError)) throw (Error) e;
            }
        }
    }

    static void run(WebSocketSession session, WebSocketHandler handler) {
        new Run(session, handler).run();
    }
}
