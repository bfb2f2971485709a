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
        return Threads.start("tether-handler", () -> run(session, handler));
    }

    static void run(WebSocketSession session, WebSocketHandler handler) {
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
