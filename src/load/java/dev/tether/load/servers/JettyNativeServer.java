package dev.tether.load.servers;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12's own WebSocket, its native API (jetty-websocket-jetty-server) on Jetty's core server without
 * servlets: listeners that echo each message with the buffer Jetty handed in (completing Jetty's callback
 * when the echo is written), and a broadcast through Jetty's asynchronous sends.
 */
public final class JettyNativeServer {

    static final long MAX_MESSAGE = 20L * 1024 * 1024;

    public static void main(String[] args) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("jetty");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(ServerControl.port(args));
        connector.setAcceptQueueSize(1024);
        connector.setIdleTimeout(Duration.ofHours(1).toMillis());
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        Set<Session> room = new CopyOnWriteArraySet<>();
        WebSocketUpgradeHandler upgrade = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxBinaryMessageSize(MAX_MESSAGE);
            container.setMaxTextMessageSize(MAX_MESSAGE);
            container.setMaxFrameSize(MAX_MESSAGE);
            container.setIdleTimeout(Duration.ofHours(1));
            container.addMapping("/echo", (request, response, callback) -> new Echo());
            container.addMapping("/broadcast", (request, response, callback) -> new Broadcast(room));
        });
        context.setHandler(upgrade);
        server.setHandler(context);
        server.start();
        ServerControl.serve(connector.getLocalPort(), () -> {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static final class Echo implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            session.sendBinary(payload, callback);
        }

        @Override
        public void onWebSocketText(String message) {
            session.sendText(message, Callback.NOOP);
        }
    }

    public static final class Broadcast implements Session.Listener.AutoDemanding {
        private final Set<Session> room;
        private Session session;

        Broadcast(Set<Session> room) {
            this.room = room;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
            room.add(session);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            callback.succeed();
            synchronized (room) { // one order for all
                for (Session member : room) member.sendBinary(copy.slice(), Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            room.remove(session);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            room.remove(session);
        }
    }
}
