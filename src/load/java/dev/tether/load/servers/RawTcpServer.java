package dev.tether.load.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

/**
 * The limit: TCP on NIO, one selector thread, no WebSocket at all after a minimal opening handshake (it
 * answers 101 with the accept key and nothing else is checked). Then {@code /echo} writes every byte back
 * as it came (the client's masked frames return masked; the load client unmasks them) and
 * {@code /broadcast} copies every byte from any connection to all of them. Reading stops while a
 * connection's output is not written (back-pressure), as in any server.
 */
public final class RawTcpServer {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int BUFFER = 256 * 1024;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(BUFFER);
    private final List<Conn> room = new ArrayList<>();

    private RawTcpServer(int port) throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", port), 1024);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] args) throws Exception {
        RawTcpServer server = new RawTcpServer(ServerControl.port(args));
        Thread loop = new Thread(server::run, "raw-tcp");
        loop.setDaemon(true);
        loop.start();
        ServerControl.serve(((InetSocketAddress) server.listener.getLocalAddress()).getPort(), () -> { });
    }

    private final class Conn {
        final SocketChannel channel;
        final SelectionKey key;
        final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
        StringBuilder request = new StringBuilder();
        boolean broadcast;

        Conn(SocketChannel channel) throws IOException {
            this.channel = channel;
            this.key = channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send(ByteBuffer data) throws IOException {
            if (output.isEmpty()) {
                channel.write(data);
                if (!data.hasRemaining()) return;
            }
            output.add(data);
            key.interestOps(SelectionKey.OP_WRITE); // stop reading until written
        }

        void writable() throws IOException {
            while (!output.isEmpty()) {
                ByteBuffer head = output.peek();
                channel.write(head);
                if (head.hasRemaining()) return;
                output.poll();
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        void close() {
            room.remove(this);
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void run() {
        try {
            while (true) {
                selector.select();
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) continue;
                    if (key.isAcceptable()) {
                        accept();
                        continue;
                    }
                    Conn conn = (Conn) key.attachment();
                    try {
                        if (key.isWritable()) conn.writable();
                        if (key.isValid() && key.isReadable()) read(conn);
                    } catch (IOException e) {
                        conn.close();
                    }
                }
            }
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = listener.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            new Conn(channel);
        }
    }

    private void read(Conn conn) throws IOException {
        readBuffer.clear();
        int n = conn.channel.read(readBuffer);
        if (n < 0) {
            conn.close();
            return;
        }
        if (n == 0) return;
        readBuffer.flip();
        if (conn.request != null) {
            handshake(conn);
            return;
        }
        if (conn.broadcast) {
            // Everything is forwarded, a client's close frame too: the load client ends broadcasts by closing
            // every connection at once, so the others get it only as they close themselves.
            ByteBuffer copy = ByteBuffer.allocate(readBuffer.remaining()).put(readBuffer).flip();
            for (Conn member : new ArrayList<>(room)) {
                try {
                    member.send(copy.duplicate());
                } catch (IOException e) {
                    member.close();
                }
            }
        } else {
            conn.send(readBuffer);
            if (readBuffer.hasRemaining()) {
                // keep what was not written; the shared buffer is reused for the next read
                conn.output.pollLast();
                conn.output.add(ByteBuffer.allocate(readBuffer.remaining()).put(readBuffer).flip());
            }
        }
    }

    private void handshake(Conn conn) throws IOException {
        conn.request.append(StandardCharsets.ISO_8859_1.decode(readBuffer));
        int end = conn.request.indexOf("\r\n\r\n");
        if (end < 0) return;
        String head = conn.request.substring(0, end);
        conn.request = null;
        String key = null;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
                key = line.substring(colon + 1).trim();
            }
        }
        conn.broadcast = head.startsWith("GET /broadcast");
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
        conn.send(ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1)));
        if (conn.broadcast) room.add(conn);
    }

    private static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
