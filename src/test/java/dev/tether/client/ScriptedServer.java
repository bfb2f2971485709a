package dev.tether.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server in the test: listens on 127.0.0.1 on an ephemeral port, accepts one connection and runs a
 * script on it that reads the request and writes raw bytes. Nothing of Tether runs on this side.
 */
final class ScriptedServer implements AutoCloseable {

    interface Script {
        void run(Socket socket, InputStream in, OutputStream out) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile Socket accepted;
    private final Thread thread;

    private ScriptedServer(ServerSocket serverSocket, Script script) {
        this.serverSocket = serverSocket;
        this.thread = new Thread(() -> serve(script), "scripted-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** A plain TCP server. */
    static ScriptedServer start(Script script) throws IOException {
        return new ScriptedServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    /** A server on a socket made elsewhere (a TLS server socket). */
    static ScriptedServer start(ServerSocket serverSocket, Script script) {
        return new ScriptedServer(serverSocket, script);
    }

    private void serve(Script script) {
        try (Socket socket = serverSocket.accept()) {
            accepted = socket;
            script.run(socket, socket.getInputStream(), socket.getOutputStream());
            done.complete(null);
        } catch (Throwable e) {
            done.completeExceptionally(e);
        }
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    String url(String pathAndQuery) {
        return "ws://127.0.0.1:" + port() + pathAndQuery;
    }

    String secureUrl(String pathAndQuery) {
        return "wss://127.0.0.1:" + port() + pathAndQuery;
    }

    /** Waits (bounded) for the script to finish and rethrows what it threw: its assertions count. */
    void awaitScript() throws Exception {
        try {
            done.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) throw (Exception) e.getCause();
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("server script did not finish in 20 s", e);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        Socket s = accepted;
        if (s != null) s.close();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
