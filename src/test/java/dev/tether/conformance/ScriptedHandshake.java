package dev.tether.conformance;

import dev.tether.conformance.wire.AcceptKeys;
import dev.tether.conformance.wire.HttpHead;
import dev.tether.conformance.wire.Transcript;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The scripted server's side of the opening handshake: reads the client's request, checks it strictly, answers. */
public final class ScriptedHandshake {

    private ScriptedHandshake() {
    }

    /** Reads the request and checks it against RFC 6455 §4.1; returns it. */
    public static HttpHead readRequest(BufferedInputStream in, Transcript transcript) throws IOException {
        HttpHead request = HttpHead.read(in);
        transcript.add("← " + request);
        String problem = problem(request);
        if (problem != null) throw new AssertionError("the client's opening handshake is wrong: " + problem + transcript);
        return request;
    }

    private static String problem(HttpHead r) {
        String[] start = r.startLine().split(" ");
        if (start.length != 3 || !start[0].equals("GET") || !start[2].equals("HTTP/1.1")) return "request line " + r.startLine();
        if (r.headerValues("Host").size() != 1) return "Host header missing or repeated";
        if (!r.headerHasToken("Upgrade", "websocket")) return "no Upgrade: websocket";
        if (!r.headerHasToken("Connection", "upgrade")) return "no Connection: Upgrade";
        if (!"13".equals(r.header("Sec-WebSocket-Version"))) return "Sec-WebSocket-Version is not 13";
        if (r.headerValues("Sec-WebSocket-Key").size() != 1) return "Sec-WebSocket-Key missing or repeated";
        try {
            if (Base64.getDecoder().decode(r.header("Sec-WebSocket-Key")).length != 16) return "Sec-WebSocket-Key is not 16 bytes";
        } catch (IllegalArgumentException e) {
            return "Sec-WebSocket-Key is not base64";
        }
        return null;
    }

    /** A correct 101 for a request. */
    public static String switchingProtocols(HttpHead request) {
        return "HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + AcceptKeys.accept(request.header("Sec-WebSocket-Key")) + "\r\n\r\n";
    }

    public static void write(Socket s, String response, Transcript transcript) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        transcript.add("→ " + response.substring(0, response.indexOf('\r')) + " (handshake response)");
    }
}
