package dev.tether.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.WebSocketConfig;
import dev.tether.session.ClientFrames;
import dev.tether.session.InMemoryTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What happens to the connection when its handler returns or throws. */
class HandlerRunnerTest {

    @Test
    void handlerThatReturnsClosesNormally() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        HandlerRunner.start(t.session, ws -> ws.sendMessage("bye")).join(5000);
        assertEquals(List.of("text:bye", "close:1000"), t.writtenEvents());
    }

    @Test
    void handlerThatThrowsClosesWith1011AndIsLogged() throws Exception {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(HandlerRunner.class.getName());
        logger.addHandler(capture);
        try {
            InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
            HandlerRunner.start(t.session, ws -> {
                throw new IllegalStateException("handler bug");
            }).join(5000);
            assertEquals(List.of("close:1011:internal error"), t.writtenEvents());
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                    && r.getThrown() instanceof IllegalStateException), "the exception is logged as a warning");
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void handlerEndedByThePeersCloseDoesNotSendASecondClose() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        t.receive(ClientFrames.close(4000, "client leaves"));
        HandlerRunner.start(t.session, ws -> ws.readMessage()).join(5000);
        assertEquals(List.of("close:4000"), t.writtenEvents());
    }

    @Test
    void echoInOneLine() throws Exception {
        InMemoryTransport t = InMemoryTransport.server(WebSocketConfig.defaults());
        Thread handler = HandlerRunner.start(t.session, ws -> ws.runWith(ws::sendMessage));
        t.receive(ClientFrames.text("ping me"));
        long end = System.nanoTime() + 5_000_000_000L;
        while (t.writtenEvents().isEmpty() && System.nanoTime() < end) Thread.sleep(5);
        t.receive(ClientFrames.close(1000, ""));
        handler.join(5000);
        assertEquals(List.of("text:ping me", "close:1000"), t.writtenEvents());
    }
}
