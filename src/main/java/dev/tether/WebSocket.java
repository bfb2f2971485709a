package dev.tether;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket connection, server or client side: the Zinc WebSockets API in Java.
 *
 * <p>Reading and sending are independent: one thread may block in {@link #readMessage()} while any
 * number of others send. Each send is atomic: the frames of two messages never interleave.
 *
 * <p>Failures surface as exceptions: {@link WebSocketClosedException} once the connection is closed
 * (carrying the close code and reason), {@link WebSocketFailedException} for a protocol violation,
 * {@link WebSocketTimeoutException} when a read or a write times out.
 */
public interface WebSocket extends AutoCloseable {

    /**
     * Connects to a {@code ws://} or {@code wss://} URL with the client defaults; for timeouts, headers,
     * subprotocols, TLS or a proxy, use {@link dev.tether.client.WebSocketClient#builder()}.
     */
    static WebSocket connect(String url) throws IOException {
        return dev.tether.client.WebSocketClient.create().connect(url);
    }

    /**
     * Sends one text message as a single frame. Returns once the message is queued for writing, as long as
     * the connection's outbound buffer ({@link WebSocketConfig#maxOutboundBufferBytes()}, 64 KiB by
     * default) is not full; otherwise blocks until the peer has taken enough, and fails with
     * {@link WebSocketTimeoutException} (dropping the connection) when it takes nothing for the write
     * timeout. Messages are written in the order their sends returned; a close sent afterwards follows them.
     */
    void sendMessage(String text) throws IOException;

    /** Sends one binary message as a single frame, as {@link #sendMessage(String)}. The array may be reused once this returns. */
    void sendMessage(byte[] data) throws IOException;

    /**
     * Queues one text message without ever waiting for the peer: false, and nothing sent, when the
     * connection's outbound buffer is full (the peer is not keeping up). For fan-out, where one slow
     * client must not hold up the others: decide what to do with it (drop the message, close it).
     *
     * @throws WebSocketClosedException when the connection is closed
     */
    boolean trySendMessage(String text) throws IOException;

    /** As {@link #trySendMessage(String)}, for a binary message. The array may be reused once this returns. */
    boolean trySendMessage(byte[] data) throws IOException;

    /** Sends a message read elsewhere, for example in an echo: {@code ws.sendMessage(ws.readMessage())}. */
    void sendMessage(Message message) throws IOException;

    /** Sends one text message as one frame per element, for messages too big to hold or build at once. */
    void sendTextFrames(Iterable<String> fragments) throws IOException;

    /** Sends one binary message as one frame per element. */
    void sendByteFrames(Iterable<byte[]> fragments) throws IOException;

    /**
     * Blocks until one complete message has arrived, assembled from its frames. Ping, pong and close
     * frames are handled inside. Waits at most the configured read timeout, if one is set.
     *
     * @throws WebSocketClosedException when the connection is closed
     * @throws WebSocketFailedException when the peer violated the protocol
     * @throws WebSocketTimeoutException when the read timeout passed without a message
     */
    Message readMessage() throws IOException;

    /** As {@link #readMessage()}, waiting at most {@code timeout}. */
    Message readMessage(Duration timeout) throws IOException;

    /**
     * Reads messages and hands each to {@code handler} until the connection closes, carrying on
     * through read timeouts. Returns normally once the connection is closed; a protocol failure, or
     * an exception thrown by the handler, is thrown.
     */
    void runWith(MessageHandler handler) throws Exception;

    /** Sends a ping; the pong is handled inside. */
    void ping() throws IOException;

    /** Starts the closing handshake with 1000 (normal closure). Never throws; idempotent. */
    @Override
    void close();

    /** Starts the closing handshake with the given code and reason (at most 123 bytes of UTF-8). */
    void close(int code, String reason);

    /** True until a close frame was sent or received, or the connection was lost. */
    boolean isConnected();

    /** How the connection ended: the close code and reason, or null while it is open. */
    CloseStatus closeStatus();

    /** The request path of the opening handshake, without the query, for example {@code /ws-echo}. */
    String path();

    /** The query string of the opening handshake, without {@code ?}, or null. */
    String query();

    /**
     * Every header the peer sent in the opening handshake, names in lower case: the request on the
     * server side, the 101 response on the client side.
     */
    Map<String, List<String>> headers();

    /** The first value of a header the peer sent in the handshake (case-insensitive name), or null. */
    String header(String name);

    /** The cookies of the opening handshake: the request's on the server side, the response's on the client side. */
    List<HttpCookie> cookies();

    /** The authenticated user of the opening handshake (server side), or null. */
    Principal userPrincipal();

    /** The subprotocol both sides agreed on, or null. */
    String subprotocol();

    /** The peer's address, when known. */
    InetSocketAddress remoteAddress();
}
