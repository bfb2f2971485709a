package dev.tether.client;

import dev.tether.WebSocketException;
import dev.tether.WebSocketTimeoutException;
import dev.tether.session.Nanos;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens the socket a WebSocket runs on: TCP with a connect timeout, optionally through an HTTP CONNECT
 * proxy, and TLS (the JDK's JSSE) for {@code wss://}, with SNI and hostname verification.
 */
final class SocketConnector {

    /** Input buffer: one read takes up to this much from the network. */
    static final int BUFFER_SIZE = 16 * 1024;

    private final Duration connectTimeout;
    private final SSLContext sslContext;
    private final ProxySettings proxy;
    private final HostResolver resolver;

    /**
     * @param sslContext for wss, or null for the JVM's default context
     * @param proxy null to connect directly
     */
    SocketConnector(Duration connectTimeout, SSLContext sslContext, ProxySettings proxy) {
        this(connectTimeout, sslContext, proxy, HostResolver.system());
    }

    SocketConnector(Duration connectTimeout, SSLContext sslContext, ProxySettings proxy, HostResolver resolver) {
        this.connectTimeout = connectTimeout;
        this.sslContext = sslContext;
        this.proxy = proxy;
        this.resolver = resolver;
    }

    /**
     * Connects to {@code uri}'s host (or the proxy), starting {@code timer} once TCP stands; the tunnel
     * and TLS handshakes then run under it. Closes the socket if anything fails.
     */
    ClientSocket open(WebSocketUri uri, HandshakeTimer timer) throws IOException {
        Socket tcp = connectTcp(uri);
        try {
            timer.start(tcp);
            if (proxy != null) HttpConnectTunnel.open(tcp, proxy, uri.authority());
            Socket socket = uri.secure() ? startTls(tcp, uri) : tcp;
            return new ClientSocket(socket, tcp, new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE),
                    socket.getOutputStream());
        } catch (IOException | RuntimeException e) {
            HandshakeTimer.closeQuietly(tcp);
            throw e;
        }
    }

    private Socket connectTcp(WebSocketUri uri) throws IOException {
        String host = proxy != null ? proxy.host() : uri.connectHost();
        int port = proxy != null ? proxy.port() : uri.port();
        String what = (proxy != null ? "proxy " : "") + host + ":" + port;
        // The lookup and the TCP connect share the connect timeout.
        long deadline = System.nanoTime() + Nanos.bounded(connectTimeout);
        InetSocketAddress address = new InetSocketAddress(resolver.resolve(host, connectTimeout), port);
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        Socket tcp = new Socket();
        try {
            // Small frames (pings, short messages) must go out now, not wait for Nagle.
            tcp.setTcpNoDelay(true);
            tcp.connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, remainingMillis)));
            return tcp;
        } catch (SocketTimeoutException e) {
            HandshakeTimer.closeQuietly(tcp);
            WebSocketTimeoutException timeout = new WebSocketTimeoutException("connecting to " + what
                    + " did not complete within " + connectTimeout.toMillis() + " ms");
            timeout.initCause(e);
            throw timeout;
        } catch (IOException e) {
            HandshakeTimer.closeQuietly(tcp);
            throw e;
        }
    }

    private Socket startTls(Socket tcp, WebSocketUri uri) throws IOException {
        SSLContext context = sslContext != null ? sslContext : defaultContext();
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(tcp, uri.connectHost(), uri.port(), true);
        SSLParameters parameters = ssl.getSSLParameters();
        // The JDK sends SNI by itself only for names with a dot; a server with several certificates
        // needs it for "localhost" or an intranet name too. Never for IP literals (RFC 6066 §3).
        SNIHostName serverName = serverName(uri.connectHost());
        if (serverName != null) parameters.setServerNames(List.of(serverName));
        // JSSE checks the chain but not the name unless asked; without this any valid certificate would do.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        try {
            ssl.startHandshake(); // now, under the handshake timer, rather than lazily on the first write
            return ssl;
        } catch (SocketTimeoutException e) {
            throw e; // the timer turns this into a timeout
        } catch (SSLException e) {
            throw new WebSocketException("TLS handshake with " + uri.authority() + " failed: " + e.getMessage(), e);
        }
    }

    private static SNIHostName serverName(String host) {
        if (HostResolver.isIpLiteral(host)) return null;
        try {
            return new SNIHostName(host);
        } catch (IllegalArgumentException e) {
            return null; // not a name SNI can carry; the server's default certificate will have to do
        }
    }

    private static SSLContext defaultContext() throws IOException {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no default TLS context in this JVM", e);
        }
    }
}
