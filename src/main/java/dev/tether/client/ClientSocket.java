package dev.tether.client;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A connected client socket, ready for the WebSocket handshake.
 *
 * @param socket what to read and write: the TLS socket for wss, else the TCP socket
 * @param tcp the TCP socket underneath (the same object for ws); closing it ends every blocked call at once
 * @param in buffered input; keep reading from it after the handshake, it may already hold frames
 * @param out output, unbuffered
 */
record ClientSocket(Socket socket, Socket tcp, InputStream in, OutputStream out) {

    /** Closes the connection now, without a TLS close_notify that could block behind a stuck write. */
    void closeNow() {
        HandshakeTimer.closeQuietly(tcp);
        if (socket != tcp) HandshakeTimer.closeQuietly(socket);
    }
}
