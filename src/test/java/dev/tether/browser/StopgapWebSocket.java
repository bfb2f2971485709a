package dev.tether.browser;

import dev.tether.protocol.handshake.AcceptKey;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A deliberately small WebSocket server side for the browser tests, on Tomcat's servlet upgrade in
 * blocking style with a thread per connection: just enough RFC 6455 for a browser (masked frames in,
 * unmasked text frames out, fragments, ping, close). It stands in for the demo server until Tether's
 * own transports and demo handlers land, and goes away then; it is not how Tether does it.
 */
final class StopgapWebSocket {

    /** What a test endpoint does with its connections. */
    interface Handler {
        default void opened(Connection connection) throws IOException {
        }

        default void text(Connection connection, String text) throws IOException {
        }

        default void closed(Connection connection) {
        }
    }

    private static final Logger LOG = Logger.getLogger(StopgapWebSocket.class.getName());
    private static final int MAX_MESSAGE = 1 << 20;

    private StopgapWebSocket() {
    }

    /** The servlet that validates the opening handshake and upgrades to a {@link Connection}. */
    static final class UpgradeServlet extends HttpServlet {
        private final transient Supplier<Handler> handlers;

        UpgradeServlet(Supplier<Handler> handlers) {
            this.handlers = handlers;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            String key = request.getHeader("Sec-WebSocket-Key");
            if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade")) || !AcceptKey.isValidClientKey(key)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "not a WebSocket handshake");
                return;
            }
            // Tomcat sets the 101 status but none of these headers.
            response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
            response.setHeader("Upgrade", "websocket");
            response.setHeader("Connection", "Upgrade");
            response.setHeader("Sec-WebSocket-Accept", AcceptKey.of(key));
            Connection connection = request.upgrade(Connection.class);
            connection.handler = handlers.get();
            connection.query = request.getQueryString();
            response.flushBuffer();
        }
    }

    /** One upgraded connection: a reader thread, and sends from any thread. */
    public static final class Connection implements HttpUpgradeHandler {
        private volatile Handler handler;
        private volatile String query;
        /** The chat name, for the stand-in chat room. */
        volatile String name;
        private volatile WebConnection webConnection;
        private volatile boolean closeSent;
        private final Object sendLock = new Object();

        public Connection() {
            // Tomcat instantiates upgrade handlers itself.
        }

        String query() {
            return query;
        }

        @Override
        public void init(WebConnection connection) {
            webConnection = connection;
            Thread reader = new Thread(this::readLoop, "stopgap-ws-reader");
            reader.setDaemon(true);
            reader.start();
        }

        @Override
        public void destroy() {
        }

        void sendText(String text) throws IOException {
            send(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        void close(int code, String reason) {
            byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + reasonBytes.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(reasonBytes, 0, payload, 2, reasonBytes.length);
            try {
                sendClose(payload);
            } catch (IOException e) {
                LOG.log(Level.FINE, "close not sent", e);
            }
        }

        private void sendClose(byte[] payload) throws IOException {
            synchronized (sendLock) {
                if (closeSent) return;
                closeSent = true;
                writeFrame(0x8, payload);
            }
        }

        private void send(int opcode, byte[] payload) throws IOException {
            synchronized (sendLock) {
                if (closeSent) throw new IOException("closed");
                writeFrame(opcode, payload);
            }
        }

        private void writeFrame(int opcode, byte[] payload) throws IOException {
            OutputStream out = webConnection.getOutputStream();
            int length = payload.length;
            byte[] header;
            if (length < 126) {
                header = new byte[] {(byte) (0x80 | opcode), (byte) length};
            } else if (length < 65536) {
                header = new byte[] {(byte) (0x80 | opcode), 126, (byte) (length >> 8), (byte) length};
            } else {
                header = new byte[10];
                header[0] = (byte) (0x80 | opcode);
                header[1] = 127;
                for (int i = 0; i < 8; i++) header[9 - i] = (byte) ((long) length >> (8 * i));
            }
            out.write(header);
            out.write(payload);
            out.flush();
        }

        private void readLoop() {
            try {
                handler.opened(this);
                DataInputStream in = new DataInputStream(webConnection.getInputStream());
                MessageBuffer message = new MessageBuffer();
                while (true) {
                    int first = in.readUnsignedByte();
                    int second = in.readUnsignedByte();
                    boolean fin = (first & 0x80) != 0;
                    int opcode = first & 0x0F;
                    long length = second & 0x7F;
                    if (length == 126) length = in.readUnsignedShort();
                    else if (length == 127) length = in.readLong();
                    if ((second & 0x80) == 0 || length > MAX_MESSAGE) {
                        close(1002, "bad frame");
                        return;
                    }
                    // readFully, not readNBytes: the latter ends with a zero-length read, on which
                    // Tomcat's blocking upgraded stream waits for more data instead of returning 0.
                    byte[] mask = new byte[4];
                    in.readFully(mask);
                    byte[] payload = new byte[(int) length];
                    in.readFully(payload);
                    for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
                    switch (opcode) {
                        case 0x0, 0x1, 0x2 -> {
                            if (message.size() + payload.length > MAX_MESSAGE) {
                                close(1009, "too big");
                                return;
                            }
                            message.write(payload);
                            if (fin) {
                                handler.text(this, message.takeString());
                            }
                        }
                        case 0x8 -> {
                            sendClose(payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                            return;
                        }
                        case 0x9 -> send(0xA, payload);
                        default -> {
                            // pongs and anything else: ignored
                        }
                    }
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "stopgap connection ended", e);
            } finally {
                handler.closed(this);
                try {
                    webConnection.close();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "close failed", e);
                }
            }
        }
    }

    /** Collects the bytes of a fragmented message. */
    private static final class MessageBuffer extends ByteArrayOutputStream {
        String takeString() {
            String text = toString(StandardCharsets.UTF_8);
            reset();
            return text;
        }
    }
}
