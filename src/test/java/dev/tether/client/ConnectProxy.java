package dev.tether.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A tiny HTTP CONNECT proxy for tests: takes one connection, checks the CONNECT request and its Basic
 * credentials, then relays bytes both ways. It records what it saw.
 */
final class ConnectProxy implements AutoCloseable {

    private final ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final String expectedAuthorization;
    private final CompletableFuture<RawHttp.Request> seen = new CompletableFuture<>();
    private volatile Socket client;
    private volatile Socket upstream;

    /** @param user null to accept anyone */
    ConnectProxy(String user, String password) throws IOException {
        this.expectedAuthorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Thread thread = new Thread(this::serve, "test-connect-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** The CONNECT request the proxy received. */
    RawHttp.Request request() throws Exception {
        return seen.get(20, TimeUnit.SECONDS);
    }

    private void serve() {
        try {
            client = serverSocket.accept();
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            RawHttp.Request request = RawHttp.readRequest(in);
            seen.complete(request);
            String[] parts = request.requestLine().split(" ");
            if (expectedAuthorization != null && !expectedAuthorization.equals(request.header("Proxy-Authorization"))) {
                RawHttp.write(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 11\r\n\r\nwho are you");
                client.close();
                return;
            }
            if (parts.length != 3 || !parts[0].equals("CONNECT")) {
                RawHttp.write(out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                client.close();
                return;
            }
            int colon = parts[1].lastIndexOf(':');
            upstream = new Socket(parts[1].substring(0, colon), Integer.parseInt(parts[1].substring(colon + 1)));
            RawHttp.write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
            Thread back = new Thread(() -> relay(upstream, client), "test-connect-proxy-back");
            back.setDaemon(true);
            back.start();
            relay(client, upstream);
        } catch (IOException e) {
            seen.completeExceptionally(e);
        }
    }

    private static void relay(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away: the tunnel is over
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        if (client != null) client.close();
        if (upstream != null) upstream.close();
    }
}
