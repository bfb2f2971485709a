package dev.tether.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/** Scripts for the scripted server once the handshake is done: the server speaks raw frames. */
final class ScriptedWebSocketServer {

    interface AfterHandshake {
        void run(Socket socket, InputStream in, OutputStream out) throws Exception;
    }

    private ScriptedWebSocketServer() {
    }

    /** Accepts the upgrade (with further 101 header lines), then runs {@code script}. */
    static ScriptedServer start(AfterHandshake script, String... responseHeaderLines) throws IOException {
        return ScriptedServer.start((socket, in, out) -> {
            RawHttp.Request request = RawHttp.readRequest(in);
            RawHttp.write(out, RawHttp.switching(request, responseHeaderLines));
            script.run(socket, in, out);
        });
    }

    /** Writes frames in one go and flushes. */
    static void send(OutputStream out, byte[]... frames) throws IOException {
        for (byte[] f : frames) out.write(f);
        out.flush();
    }

    /** Reads client frames until a close arrives and returns it, skipping pongs and data. */
    static TestFrames.ClientFrame awaitClose(InputStream in) throws IOException {
        while (true) {
            TestFrames.ClientFrame f = TestFrames.readClientFrame(in);
            if (f.opcode() == TestFrames.CLOSE) return f;
        }
    }
}
