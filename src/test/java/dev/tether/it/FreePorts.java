package dev.tether.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers that run in processes of their own and cannot be told "port 0": asked from
 * the kernel and released at once. Another process could take one in between; the servers then fail to
 * start, with the reason in their log.
 */
final class FreePorts {

    private FreePorts() {
    }

    static int next() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * An offset that moves every one of {@code basePorts} onto a free port: WildFly shifts all its socket
     * bindings by one offset ({@code jboss.socket.binding.port-offset}).
     */
    static int offsetFreeFor(int... basePorts) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(10_000, 40_000);
            boolean allFree = true;
            for (int port : basePorts) {
                if (!isFree(port + offset)) {
                    allFree = false;
                    break;
                }
            }
            if (allFree) return offset;
        }
        throw new IllegalStateException("no port offset found with all of its ports free");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
