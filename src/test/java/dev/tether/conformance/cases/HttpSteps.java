package dev.tether.conformance.cases;

import dev.tether.conformance.ApiOutcome;
import dev.tether.conformance.CaseRun;
import dev.tether.conformance.ScriptedHandshake;
import dev.tether.conformance.Step;
import dev.tether.conformance.Steps;
import dev.tether.conformance.wire.AcceptKeys;
import dev.tether.conformance.wire.HttpHead;
import dev.tether.conformance.wire.RawConnection;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Steps for the opening handshake, done by hand: the raw HTTP of both sides. */
final class HttpSteps {

    private HttpSteps() {
    }

    /**
     * An upgrade request to the server, correct unless changed: {@code {host}} and {@code {port}} in
     * header values are filled in when it is sent, and a fresh key is made for each run.
     */
    static final class Request {
        private String method = "GET";
        private String path = "/echo";
        private String version = "HTTP/1.1";
        private final List<String[]> headers = new ArrayList<>();

        Request() {
            headers.add(new String[] {"Host", "{host}"});
            headers.add(new String[] {"Upgrade", "websocket"});
            headers.add(new String[] {"Connection", "Upgrade"});
            headers.add(new String[] {"Sec-WebSocket-Key", "{key}"});
            headers.add(new String[] {"Sec-WebSocket-Version", "13"});
        }

        Request method(String m) {
            this.method = m;
            return this;
        }

        Request path(String p) {
            this.path = p;
            return this;
        }

        Request version(String v) {
            this.version = v;
            return this;
        }

        /** Removes every line of a header. */
        Request without(String name) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            return this;
        }

        /** Replaces every line of a header by one line with this value. */
        Request set(String name, String value) {
            int at = -1;
            for (int i = 0; i < headers.size(); i++) {
                if (headers.get(i)[0].equalsIgnoreCase(name)) {
                    at = i;
                    break;
                }
            }
            without(name);
            headers.add(at < 0 ? headers.size() : at, new String[] {name, value});
            return this;
        }

        /** Adds a header line (possibly a second line of the same header). */
        Request add(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        String render(CaseRun run, String key) {
            String target = path + (path.contains("?") ? "&" : "?") + "run=" + run.server().runId();
            StringBuilder s = new StringBuilder(method).append(' ').append(target).append(' ').append(version).append("\r\n");
            for (String[] h : headers) {
                s.append(h[0]).append(": ").append(h[1].replace("{host}", run.server().hostHeader())
                        .replace("{port}", Integer.toString(run.server().port())).replace("{key}", key)).append("\r\n");
            }
            if (!"GET".equals(method)) s.append("Content-Length: 0\r\n");
            return s.append("\r\n").toString();
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(method + " " + path + " " + version);
            for (String[] h : headers) s.append(" | ").append(h[0]).append(": ").append(h[1]);
            return s.toString();
        }
    }

    static Request request() {
        return new Request();
    }

    // ------------------------------------------------------------------ against the server

    static Step send(Request r) {
        return Steps.custom("send " + r, run -> {
            String key = AcceptKeys.newKey();
            run.note("key", key);
            String text = r.render(run, key);
            OutputStream out = run.socket().getOutputStream();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            run.transcript().add("→ " + text.replace("\r\n", " | "));
        });
    }

    private static HttpHead readResponse(CaseRun run) throws java.io.IOException {
        run.socket().setSoTimeout(10_000);
        HttpHead response = HttpHead.read(run.in());
        run.transcript().add("← " + response);
        return response;
    }

    /** The server refuses with exactly this status, never a 101, with the given headers ("Name: value"). */
    static Step expectRefusal(int status, String... headers) {
        return Steps.custom("expect " + status + (headers.length > 0 ? " with " + String.join(", ", headers) : "")
                + " and no upgrade", run -> {
            HttpHead response = readResponse(run);
            if (response.status() != status) throw run.failure("expected status " + status + ", got " + response.startLine());
            checkNoUpgrade(run, response);
            for (String h : headers) {
                String name = h.substring(0, h.indexOf(':')).trim();
                String value = h.substring(h.indexOf(':') + 1).trim();
                if (!value.equals(response.header(name))) throw run.failure("expected header " + h + " in " + response);
            }
            run.ended(CaseRun.Ending.NO_CONNECTION, null);
        });
    }

    /** The server refuses with a 4xx status, whichever; never a 101. */
    static Step expectClientError() {
        return Steps.custom("expect a 4xx status and no upgrade", run -> {
            HttpHead response = readResponse(run);
            if (response.status() < 400 || response.status() > 499) throw run.failure("expected a 4xx status, got " + response.startLine());
            checkNoUpgrade(run, response);
            run.ended(CaseRun.Ending.NO_CONNECTION, null);
        });
    }

    private static void checkNoUpgrade(CaseRun run, HttpHead response) {
        if (response.header("Sec-WebSocket-Accept") != null) throw run.failure("a refusal with Sec-WebSocket-Accept: " + response);
    }

    /**
     * The server switches protocols correctly: 101, the accept value of our key, Upgrade and Connection,
     * the given subprotocol (null: none) and no extension. Frames may follow.
     */
    static Step expectSwitch(String subprotocol) {
        return Steps.custom("expect 101 with the right accept" + (subprotocol == null ? ", no subprotocol" : ", subprotocol " + subprotocol)
                + ", no extension", run -> {
            HttpHead response = readResponse(run);
            if (response.status() != 101) throw run.failure("expected 101, got " + response.startLine());
            String key = run.noted("key");
            if (!AcceptKeys.accept(key).equals(response.header("Sec-WebSocket-Accept"))) {
                throw run.failure("wrong Sec-WebSocket-Accept: expected " + AcceptKeys.accept(key) + " in " + response);
            }
            if (!response.headerHasToken("Upgrade", "websocket")) throw run.failure("101 without Upgrade: websocket");
            if (!response.headerHasToken("Connection", "upgrade")) throw run.failure("101 without Connection: Upgrade");
            List<String> protocols = response.headerValues("Sec-WebSocket-Protocol");
            if (subprotocol == null ? !protocols.isEmpty() : !protocols.equals(List.of(subprotocol))) {
                throw run.failure("expected subprotocol " + subprotocol + ", got " + protocols);
            }
            if (!response.headerValues("Sec-WebSocket-Extensions").isEmpty()) throw run.failure("an extension nobody can have negotiated: " + response);
            run.upgraded();
        });
    }

    // ------------------------------------------------------------------ against the client

    /** Reads the client's request and checks it (RFC 6455 §4.1). */
    static Step readClientRequest() {
        return Steps.custom("read the client's opening handshake and check it", run -> {
            run.socket().setSoTimeout(10_000);
            HttpHead request = ScriptedHandshake.readRequest(run.in(), run.transcript());
            run.note("request", request);
        });
    }

    /** Answers with the response this function makes of the request. */
    static Step respond(String description, Function<HttpHead, String> response) {
        return Steps.custom("answer " + description, run -> {
            HttpHead request = run.noted("request");
            ScriptedHandshake.write(run.socket(), response.apply(request), run.transcript());
        });
    }

    /** Answers with a correct 101 followed, in the same write, by these raw bytes; frames may follow. */
    static Step respondSwitchingWith(String description, Function<CaseRun, byte[]> extra) {
        return Steps.custom("answer 101 " + description, run -> {
            HttpHead request = run.noted("request");
            byte[] head = ScriptedHandshake.switchingProtocols(request).getBytes(StandardCharsets.ISO_8859_1);
            run.upgraded();
            byte[] after = extra.apply(run);
            byte[] all = Payloads.concat(head, after);
            run.connection().write(all, 0, all.length, "101 and " + description);
        });
    }

    static String accept(HttpHead request) {
        return AcceptKeys.accept(request.header("Sec-WebSocket-Key"));
    }

    /**
     * The client refuses the handshake: it closes TCP without sending anything, and {@code connect} throws
     * {@code WebSocketHandshakeException} (with this HTTP status; {@link ApiOutcome#ANY_CODE}: any).
     */
    static Step expectClientRefuses(int status) {
        return Steps.custom("expect the client to refuse: TCP closed, nothing sent, WebSocketHandshakeException", run -> {
            RawConnection raw = new RawConnection(run.socket(), run.in(), false, run.transcript());
            StringBuilder extra = new StringBuilder();
            if (raw.awaitEnd(Duration.ofSeconds(2), extra) == RawConnection.Ending.STILL_OPEN) {
                throw run.failure("the client kept the connection open after a bad handshake response");
            }
            if (extra.length() > 0) throw run.failure("the client sent bytes after a bad handshake response: " + extra);
            run.ended(CaseRun.Ending.NO_CONNECTION, new ApiOutcome(ApiOutcome.Kind.REFUSED, status, null));
        });
    }
}
