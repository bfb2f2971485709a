package dev.tether;

import dev.tether.server.TetherServer;

/**
 * Where a program starts serving WebSockets without a servlet container: Zinc's
 * {@code ZnWebSocket startServerOn: 8080 do: [ :webSocket | ... ]}.
 *
 * <pre>{@code
 * TetherServer server = Tether.serve(8080, ws -> ws.runWith(ws::sendMessage));   // an echo on every path
 * }</pre>
 *
 * <p>The embedded server runs on Jetty 12.1, which the application must put on its classpath
 * ({@code org.eclipse.jetty.ee11:jetty-ee11-servlet}); in a servlet container, deploy
 * {@link dev.tether.servlet.TetherServlet} instead.
 */
public final class Tether {

    private Tether() {
    }

    /**
     * Serves {@code handler} on every path, on every interface, at {@code port} (0 picks a free port,
     * see {@link TetherServer#port()}). Close the returned server to stop.
     */
    public static TetherServer serve(int port, WebSocketHandler handler) {
        return server().port(port).endpoint("/*", handler).start();
    }

    /** The full form: {@code Tether.server().host("127.0.0.1").port(0).endpoint("/ws-echo", handler).start()}. */
    public static TetherServer.Builder server() {
        return TetherServer.builder();
    }
}
