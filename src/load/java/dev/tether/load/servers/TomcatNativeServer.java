package dev.tether.load.servers;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * Tomcat 11's own Jakarta WebSocket (tomcat-embed-websocket), annotated endpoints on the same embedded
 * Tomcat as {@link TetherTomcatServer}.
 *
 * <p>The echo takes messages in parts ({@code ByteBuffer, boolean last}) and sends each part back as it
 * comes: Tomcat allocates a whole-message buffer of the configured maximum size for every session up front,
 * so a whole-message endpoint able to take 16 MiB would cost 16 MiB per idle connection. With the default
 * 8 KiB buffer the 64 B and 4 KiB messages arrive whole.
 */
public final class TomcatNativeServer {

    public static void main(String[] args) throws Exception {
        EmbeddedTomcat tomcat = EmbeddedTomcat.create(ServerControl.port(args));
        tomcat.context.addServletContainerInitializer(new WsSci(), Set.of(Echo.class, Broadcast.class));
        // Tomcat answers 404 before any filter runs when no servlet is mapped: give WsFilter something to sit in front of.
        org.apache.catalina.startup.Tomcat.addServlet(tomcat.context, "none", new jakarta.servlet.http.HttpServlet() {
            private static final long serialVersionUID = 1L;
        });
        tomcat.context.addServletMappingDecoded("/", "none");
        tomcat.start();
        ServerControl.serve(tomcat.port(), tomcat::stop);
    }

    @ServerEndpoint("/echo")
    public static final class Echo {
        @OnMessage
        public void onMessage(Session session, ByteBuffer part, boolean last) throws IOException {
            session.getBasicRemote().sendBinary(part, last);
        }

        @OnError
        public void onError(Throwable t) {
            // the client went away
        }
    }

    /** Every message to every session, each through its own bounded queue of asynchronous sends. */
    @ServerEndpoint("/broadcast")
    public static final class Broadcast {
        private static final Set<Sender> SENDERS = new CopyOnWriteArraySet<>();
        private Sender sender;

        @OnOpen
        public void onOpen(Session session) {
            sender = new Sender(session);
            SENDERS.add(sender);
        }

        @OnMessage
        public void onMessage(ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            synchronized (SENDERS) { // one order for all
                for (Sender s : SENDERS) {
                    if (!s.offer(bytes)) SENDERS.remove(s);
                }
            }
        }

        @OnClose
        public void onClose() {
            SENDERS.remove(sender);
        }

        @OnError
        public void onError(Throwable t) {
            SENDERS.remove(sender);
        }
    }

    /** Tomcat's async remote takes one message at a time: the next is sent from the previous one's completion. */
    static final class Sender implements SendHandler {
        private static final int CAPACITY = 1024;
        private final Session session;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private boolean sending;

        Sender(Session session) {
            this.session = session;
        }

        synchronized boolean offer(byte[] message) {
            if (queue.size() >= CAPACITY) return false;
            if (sending) {
                queue.add(message);
            } else {
                sending = true;
                session.getAsyncRemote().sendBinary(ByteBuffer.wrap(message), this);
            }
            return true;
        }

        @Override
        public void onResult(SendResult result) {
            byte[] next;
            synchronized (this) {
                next = result.isOK() ? queue.poll() : null;
                if (next == null) {
                    sending = false;
                    if (!result.isOK()) queue.clear();
                    return;
                }
            }
            session.getAsyncRemote().sendBinary(ByteBuffer.wrap(next), this);
        }
    }
}
