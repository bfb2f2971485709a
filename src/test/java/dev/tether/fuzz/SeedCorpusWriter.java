package dev.tether.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed corpus of the fuzz tests: the inputs each {@code @FuzzTest} runs on in regression mode
 * (plain {@code mvn test}) and the starting points of fuzzing. Each seed is laid out as its test reads it
 * (see the layout paragraph on each test class); the wire bytes are frames of every kind: the RFC 6455
 * §5.7 examples, fragmented messages, close frames of every sort, edge lengths, reserved bits and
 * opcodes, bad UTF-8, limits just met and just exceeded.
 *
 * <p>Not a test: run it after changing a layout or adding seeds, and commit the files.
 * <pre>
 *   mvn -o -q test-compile &amp;&amp; java -cp target/test-classes:target/classes dev.tether.fuzz.SeedCorpusWriter src/test/resources
 * </pre>
 * Findings that Jazzer saves beside the seeds ({@code crash-*}, {@code timeout-*}) are left alone.
 */
public final class SeedCorpusWriter {

    private static final int KEY = 0x37FA213D; // the masking key of the RFC 6455 §5.7 examples
    private static final int FIN = 0x80;
    private static final int CONT = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9, PONG = 0xA;

    private final Path root;

    private SeedCorpusWriter(Path root) {
        this.root = root.resolve("dev/tether/fuzz");
    }

    public static void main(String[] args) throws IOException {
        SeedCorpusWriter w = new SeedCorpusWriter(Path.of(args.length > 0 ? args[0] : "src/test/resources"));
        w.inbound("serverReceives", true);
        w.inbound("clientReceives", false);
        w.utf8();
        w.masking();
        w.roundTrip();
        w.handshake();
        w.session();
    }

    // ------------------------------------------------------------------ InboundProtocolFuzzTest

    private void inbound(String method, boolean server) throws IOException {
        Map<String, byte[]> wire = wireSeeds(server);
        Path dir = root.resolve("InboundProtocolFuzzTestInputs").resolve(method);
        for (Map.Entry<String, byte[]> e : wire.entrySet()) {
            write(dir, e.getKey(), concat(inboundHeader(0, 4096, 4096), chunks(), e.getValue()));
        }
        // The same streams cut up: one byte at a time, and mixed (with an empty chunk), in every buffer kind.
        for (String name : List.of("rfc-fragmented-hello", "fragmented-text-with-ping", "utf8-split-across-fragments",
                "close-with-reason", "bad-utf8-surrogate", "binary-256-bytes")) {
            write(dir, name + ".bytewise", concat(inboundHeader(0, 4096, 4096), chunks(1), wire.get(name)));
            write(dir, name + ".slices", concat(inboundHeader(1, 4096, 4096), chunks(3, 0, 7, 1), wire.get(name)));
            write(dir, name + ".direct", concat(inboundHeader(2, 4096, 4096), chunks(2, 5), wire.get(name)));
        }
        // Limits met exactly, and exceeded by one byte (frame limit, message limit over fragments).
        byte[] six = bytes(6);
        write(dir, "frame-at-limit", concat(inboundHeader(0, 4096, 6), chunks(), frame(server, FIN | BINARY, six)));
        write(dir, "frame-over-limit", concat(inboundHeader(0, 4096, 5), chunks(), frame(server, FIN | BINARY, six)));
        write(dir, "message-at-limit", concat(inboundHeader(0, 12, 4096), chunks(),
                frame(server, TEXT, ascii(6)), frame(server, FIN | CONT, ascii(6))));
        write(dir, "message-over-limit", concat(inboundHeader(0, 11, 4096), chunks(),
                frame(server, TEXT, ascii(6)), frame(server, FIN | CONT, ascii(6))));
        write(dir, "zero-limits-empty-message", concat(inboundHeader(0, 0, 0), chunks(), frame(server, FIN | BINARY, new byte[0])));
        write(dir, "zero-limits-one-byte", concat(inboundHeader(0, 0, 0), chunks(), frame(server, FIN | BINARY, bytes(1))));
        // Large limits (16 MiB): headers that claim much more than arrives.
        write(dir, "large-limits-claim-64k", concat(inboundHeader(0x80, 0, 0), chunks(), truncated(frame(server, FIN | BINARY, bytes(65536)), 200)));
        write(dir, "large-limits-claim-16m", concat(inboundHeader(0x80, 0, 0), chunks(),
                rawHeader(server, FIN | BINARY, 127, 16L * 1024 * 1024), bytes(100)));
        write(dir, "large-limits-claim-too-much", concat(inboundHeader(0x80, 0, 0), chunks(),
                rawHeader(server, FIN | BINARY, 127, 16L * 1024 * 1024 + 1), bytes(100)));
    }

    private static byte[] inboundHeader(int flags, int maxMessage, int maxFrame) {
        return new byte[] {(byte) flags, (byte) (maxMessage >>> 8), (byte) maxMessage, (byte) (maxFrame >>> 8), (byte) maxFrame};
    }

    /** Frames as the given side receives them: masked for a server, plain for a client. */
    private static Map<String, byte[]> wireSeeds(boolean server) {
        Map<String, byte[]> s = new LinkedHashMap<>();
        // RFC 6455 §5.7.
        s.put("rfc-single-frame-hello", frame(server, FIN | TEXT, utf8("Hello")));
        s.put("rfc-fragmented-hello", concat(frame(server, TEXT, utf8("Hel")), frame(server, FIN | CONT, utf8("lo"))));
        s.put("rfc-ping-hello", frame(server, FIN | PING, utf8("Hello")));
        s.put("rfc-pong-hello", frame(server, FIN | PONG, utf8("Hello")));
        s.put("binary-256-bytes", frame(server, FIN | BINARY, bytes(256)));
        s.put("binary-64k-header-only", truncated(frame(server, FIN | BINARY, bytes(65536)), 30));
        // Every kind of frame and message.
        s.put("empty-text", frame(server, FIN | TEXT, new byte[0]));
        s.put("empty-binary", frame(server, FIN | BINARY, new byte[0]));
        s.put("multilingual-text", frame(server, FIN | TEXT, utf8("Hello-µ@ßöäüàá-UTF-8!! κόσμε 😀 中文")));
        s.put("fragmented-text-with-ping", concat(frame(server, TEXT, utf8("frag")), frame(server, FIN | PING, utf8("p")),
                frame(server, CONT, new byte[0]), frame(server, FIN | CONT, utf8("ment"))));
        s.put("fragmented-binary-3", concat(frame(server, BINARY, bytes(3)), frame(server, CONT, bytes(4)), frame(server, FIN | CONT, bytes(5))));
        s.put("messages-back-to-back", concat(frame(server, FIN | TEXT, utf8("a")), frame(server, FIN | BINARY, bytes(2)),
                frame(server, FIN | PONG, new byte[0]), frame(server, FIN | TEXT, utf8("b"))));
        s.put("utf8-split-across-fragments", concat(frame(server, TEXT, new byte[] {(byte) 0xCE}), frame(server, FIN | CONT, new byte[] {(byte) 0xBA})));
        // Edge lengths.
        for (int n : new int[] {125, 126, 127, 1000}) s.put("binary-length-" + n, frame(server, FIN | BINARY, bytes(n)));
        s.put("ping-125", frame(server, FIN | PING, bytes(125)));
        s.put("ping-126", frame(server, FIN | PING, bytes(126)));
        s.put("length-16-not-minimal", concat(rawHeader(server, FIN | BINARY, 126, 5), bytes(5)));
        s.put("length-64-not-minimal", concat(rawHeader(server, FIN | BINARY, 127, 200), bytes(200)));
        s.put("length-64-top-bit", concat(rawHeader(server, FIN | BINARY, 127, Long.MIN_VALUE + 1), bytes(4)));
        s.put("length-64-max", concat(rawHeader(server, FIN | BINARY, 127, Long.MAX_VALUE), bytes(4)));
        // Close frames.
        s.put("close-empty", frame(server, FIN | CLOSE, new byte[0]));
        s.put("close-1000", frame(server, FIN | CLOSE, closePayload(1000, "")));
        s.put("close-with-reason", frame(server, FIN | CLOSE, closePayload(1001, "going away ✓")));
        s.put("close-one-byte", frame(server, FIN | CLOSE, new byte[] {3}));
        for (int code : new int[] {999, 1004, 1005, 1006, 1012, 1015, 1016, 2999, 3000, 4999, 5000, 65535}) {
            s.put("close-code-" + code, frame(server, FIN | CLOSE, closePayload(code, "")));
        }
        s.put("close-bad-utf8-reason", frame(server, FIN | CLOSE, concat(closePayload(1000, ""), new byte[] {(byte) 0xC0, (byte) 0xAF})));
        s.put("close-then-more", concat(frame(server, FIN | CLOSE, closePayload(1000, "bye")), frame(server, FIN | TEXT, utf8("late")), bytes(9)));
        s.put("close-inside-fragmented-message", concat(frame(server, TEXT, utf8("half")), frame(server, FIN | CLOSE, new byte[0])));
        // Protocol errors.
        for (int rsv = 1; rsv <= 7; rsv++) s.put("rsv-" + rsv, frame(server, FIN | (rsv << 4) | TEXT, utf8("x")));
        for (int op : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) s.put("reserved-opcode-" + op, frame(server, FIN | op, new byte[0]));
        s.put("fragmented-ping", frame(server, PING, utf8("p")));
        s.put("continuation-without-message", frame(server, FIN | CONT, utf8("x")));
        s.put("text-inside-fragmented-message", concat(frame(server, TEXT, utf8("a")), frame(server, FIN | TEXT, utf8("b"))));
        s.put("wrong-masking", server ? frame(false, FIN | TEXT, utf8("unmasked")) : frame(true, FIN | TEXT, utf8("masked")));
        // Bad UTF-8 (1007), whole and across fragments.
        s.put("bad-utf8-overlong", frame(server, FIN | TEXT, new byte[] {(byte) 0xC0, (byte) 0xAF}));
        s.put("bad-utf8-surrogate", frame(server, FIN | TEXT, new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        s.put("bad-utf8-above-10ffff", frame(server, FIN | TEXT, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
        s.put("bad-utf8-truncated-at-end", frame(server, FIN | TEXT, new byte[] {'o', 'k', (byte) 0xCE}));
        s.put("bad-utf8-in-second-fragment", concat(frame(server, TEXT, utf8("valid ")), frame(server, FIN | CONT, new byte[] {(byte) 0xFF})));
        s.put("bad-utf8-fail-fast", concat(frame(server, TEXT, new byte[] {(byte) 0xCE, (byte) 0xBA, (byte) 0xF5}), frame(server, FIN | CONT, utf8("never"))));
        return s;
    }

    // ------------------------------------------------------------------ Utf8ValidatorFuzzTest

    private void utf8() throws IOException {
        Path dir = root.resolve("Utf8ValidatorFuzzTestInputs/agreesWithJdkDecoder");
        Map<String, byte[]> s = new LinkedHashMap<>();
        s.put("multilingual", utf8("Hello-µ@ßöäüàá-UTF-8!! κόσμε 😀 中文"));
        s.put("boundaries", hex("c280 dfbf e0a080 efbfbf f0908080 f48fbfbf"));
        s.put("ascii-long", ascii(100));
        s.put("above-10ffff", hex("f4908080"));
        s.put("overlong-2", hex("c080"));
        s.put("overlong-3", hex("e08080"));
        s.put("overlong-4", hex("f0808080"));
        s.put("surrogate-high", hex("eda080"));
        s.put("surrogate-low", hex("edbfbf"));
        s.put("five-byte", hex("f888808080"));
        s.put("lone-continuation", hex("80bf"));
        s.put("never-bytes", hex("c0c1f5f6f7f8f9fafbfcfdfeff"));
        s.put("truncated-3", hex("e0a0"));
        s.put("truncated-4", hex("f09080"));
        s.put("ascii-then-bad-at-13", concat(ascii(13), hex("ff"), ascii(20)));
        s.put("ascii-then-surrogate-at-16", concat(ascii(16), hex("eda080"), ascii(20)));
        for (Map.Entry<String, byte[]> e : s.entrySet()) {
            write(dir, e.getKey(), concat(chunks(), e.getValue()));
            write(dir, e.getKey() + ".bytewise", concat(chunks(1), e.getValue()));
            write(dir, e.getKey() + ".mixed", concat(chunks(3, 0, 9), e.getValue()));
        }
    }

    // ------------------------------------------------------------------ MaskingFuzzTest

    private void masking() throws IOException {
        Path dir = root.resolve("MaskingFuzzTestInputs/equalsNaiveXor");
        byte[] key = {0x37, (byte) 0xFA, 0x21, 0x3D};
        write(dir, "rfc-hello", concat(key, new byte[] {0, 0, 0}, chunks(), utf8("Hello")));
        for (int phase = 0; phase < 4; phase++) {
            write(dir, "phase-" + phase + "-guards", concat(key, new byte[] {(byte) phase, 3, 5}, chunks(), bytes(37)));
        }
        write(dir, "chunked-long", concat(key, new byte[] {1, 7, 1}, chunks(1, 3, 8, 0, 13), bytes(200)));
        write(dir, "zero-key", concat(new byte[4], new byte[] {2, 0, 0}, chunks(5), bytes(64)));
        write(dir, "empty-payload", concat(key, new byte[] {3, 15, 15}, chunks()));
    }

    // ------------------------------------------------------------------ FrameRoundTripFuzzTest

    private void roundTrip() throws IOException {
        Path dir = root.resolve("FrameRoundTripFuzzTestInputs/encodedFramesDecodeToTheOriginal");
        byte[] key = {0x37, (byte) 0xFA, 0x21, 0x3D};
        byte[] ops = concat(
                op(0, utf8("Hello")),                         // text
                op(1, bytes(200)),                           // binary (16-bit length)
                op(2, utf8("κόσμε, fragmented")), new byte[] {2, 1, 2, 1, 1}, // 3 fragments, cut inside a character, pings between
                op(3, bytes(40)), new byte[] {1, 20, 0},     // 2 fragments, no ping
                op(4, utf8("ping")),
                op(5, new byte[0]),
                new byte[] {6, 1}, lengthPrefixed(utf8("normal closure")));
        write(dir, "client-to-server-all-kinds", concat(new byte[] {0}, key, chunks(), ops));
        write(dir, "server-to-client-all-kinds", concat(new byte[] {1}, key, chunks(), ops));
        write(dir, "client-to-server-bytewise-direct", concat(new byte[] {4}, key, chunks(1), ops));
        write(dir, "server-to-client-slices", concat(new byte[] {3}, key, chunks(7, 0, 2), ops));
        write(dir, "close-long-reason", concat(new byte[] {0}, key, chunks(),
                new byte[] {6, 12}, lengthPrefixed(utf8("é".repeat(70)))));
        write(dir, "close-1005", concat(new byte[] {1}, key, chunks(), new byte[] {6, 0, 0}));
        write(dir, "zero-key", concat(new byte[] {0}, new byte[4], chunks(), op(0, utf8("unmasked really"))));
    }

    private static byte[] op(int op, byte[] payload) {
        return concat(new byte[] {(byte) op}, lengthPrefixed(payload));
    }

    // ------------------------------------------------------------------ ServerHandshakeFuzzTest

    private void handshake() throws IOException {
        Path dir = root.resolve("ServerHandshakeFuzzTestInputs/answersExactlyAsTheRfcSays");
        write(dir, "rfc-example", new byte[0]);
        write(dir, "rfc-example-tls-any-origin-all-subprotocols", new byte[] {(byte) (1 | 4 | 8 | 16 | 32)});
        write(dir, "subprotocol-offers", concat(new byte[] {(byte) (16 | 32)}, add("Sec-WebSocket-Protocol", "chat,,superchat"),
                add("Sec-WebSocket-Protocol", "v2.json")));
        write(dir, "same-origin", concat(new byte[] {0}, add("Origin", "http://server.example.com")));
        write(dir, "cross-origin", concat(new byte[] {0}, add("Origin", "https://app.example.com")));
        write(dir, "allow-listed-origin", concat(new byte[] {2}, add("Origin", "https://app.example.com")));
        write(dir, "null-origin", concat(new byte[] {0}, add("Origin", "null")));
        write(dir, "two-hosts", concat(new byte[] {0}, add("host", "server.example.com:80")));
        write(dir, "post", new byte[] {0, 0, (byte) index(ServerHandshakeFuzzTest.METHODS, "POST")});
        write(dir, "http-1.0", new byte[] {0, 1, (byte) index(ServerHandshakeFuzzTest.VERSIONS, "HTTP/1.0")});
        write(dir, "http-2", new byte[] {0, 1, (byte) index(ServerHandshakeFuzzTest.VERSIONS, "HTTP/2.0")});
        write(dir, "version-8", concat(new byte[] {0}, replace("Sec-WebSocket-Version", "8")));
        write(dir, "no-version", new byte[] {0, 3, (byte) index(ServerHandshakeFuzzTest.NAMES, "Sec-WebSocket-Version")});
        write(dir, "short-key", concat(new byte[] {0}, replace("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ")));
        write(dir, "no-upgrade", new byte[] {0, 3, (byte) index(ServerHandshakeFuzzTest.NAMES, "Upgrade")});
        write(dir, "connection-list", concat(new byte[] {0}, replace("Connection", "keep-alive, Upgrade")));
        write(dir, "arbitrary-latin1-value", concat(new byte[] {0, 4, (byte) index(ServerHandshakeFuzzTest.NAMES, "Upgrade"), (byte) 250},
                lengthPrefixed("websocket\u00e9".getBytes(StandardCharsets.ISO_8859_1))));
        write(dir, "arbitrary-utf8-value", concat(new byte[] {0x40, 4, (byte) index(ServerHandshakeFuzzTest.NAMES, "Upgrade"), (byte) 250},
                lengthPrefixed(utf8("webſocket"))));
        Path origins = root.resolve("ServerHandshakeFuzzTestInputs/originPolicyNeverThrows");
        write(origins, "same-origin", new byte[] {0, (byte) index(ServerHandshakeFuzzTest.VALUES, "http://server.example.com"),
            (byte) index(ServerHandshakeFuzzTest.VALUES, "server.example.com")});
        write(origins, "ipv6", concat(new byte[] {0, (byte) 250}, lengthPrefixed(utf8("http://[::1]:8080")),
                new byte[] {(byte) index(ServerHandshakeFuzzTest.VALUES, "[::1]:8080")}));
        write(origins, "no-origin", new byte[] {(byte) 0x80, 0});
    }

    private static byte[] add(String name, String value) {
        return new byte[] {2, (byte) index(ServerHandshakeFuzzTest.NAMES, name), (byte) index(ServerHandshakeFuzzTest.VALUES, value)};
    }

    private static byte[] replace(String name, String value) {
        return new byte[] {4, (byte) index(ServerHandshakeFuzzTest.NAMES, name), (byte) index(ServerHandshakeFuzzTest.VALUES, value)};
    }

    private static int index(String[] list, String value) {
        int i = Arrays.asList(list).indexOf(value);
        if (i < 0) throw new IllegalArgumentException(value + " is not in the list");
        return i;
    }

    // ------------------------------------------------------------------ SessionInputFuzzTest

    private void session() throws IOException {
        Path dir = root.resolve("SessionInputFuzzTestInputs/serverSessionStaysWellBehaved");
        byte[] limits = {0, 0x0F, (byte) 0xFF, 0x0F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}; // 4 KiB limits, 64 KiB inbox
        write(dir, "text-ping-close", concat(limits, new byte[] {0}, frame(true, FIN | TEXT, utf8("Hello")),
                frame(true, FIN | PING, utf8("are you there")), frame(true, FIN | CLOSE, closePayload(1000, "bye"))));
        write(dir, "empty-close", concat(limits, new byte[] {0}, frame(true, FIN | CLOSE, new byte[0])));
        write(dir, "protocol-error", concat(limits, new byte[] {0}, frame(true, FIN | TEXT, utf8("ok")), frame(false, FIN | TEXT, utf8("unmasked"))));
        write(dir, "bad-utf8", concat(limits, new byte[] {0}, frame(true, FIN | TEXT, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        write(dir, "too-big", concat(new byte[] {0, 0, 9, 0, 9, 0, (byte) 0xFF}, new byte[] {0}, frame(true, FIN | BINARY, bytes(11))));
        // The application sends, pings and closes between chunks; the peer answers the close.
        byte[] hello = frame(true, FIN | TEXT, utf8("Hello"));
        write(dir, "app-sends-and-closes", concat(limits, new byte[] {5, 1, 4, 0, (byte) hello.length, 2, 9, 3, 0, 4, 2},
                hello, frame(true, FIN | CLOSE, closePayload(3000, ""))));
        write(dir, "app-reads-between-chunks", concat(limits, new byte[] {4, 0, 3, 5, 9, 0, 20, 5, 9},
                frame(true, FIN | TEXT, utf8("one")), frame(true, FIN | BINARY, bytes(3)), frame(true, FIN | TEXT, utf8("three"))));
        // A one-byte inbox: the session pauses after every message until the application reads.
        write(dir, "back-pressure", concat(new byte[] {0, 0x0F, (byte) 0xFF, 0x0F, (byte) 0xFF, 0, 0}, new byte[] {3, 0, 11, 5, 1, 0, 40},
                frame(true, FIN | TEXT, utf8("first")), frame(true, FIN | TEXT, utf8("second")), frame(true, FIN | CLOSE, new byte[0])));
        write(dir, "direct-buffers-bytewise", concat(new byte[] {2, 0x0F, (byte) 0xFF, 0x0F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
                new byte[] {6, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, frame(true, FIN | TEXT, utf8("Hello")), frame(true, FIN | CLOSE, new byte[0])));
    }

    // ------------------------------------------------------------------ frame building (independent of FrameEncoder)

    /** A frame with a minimal length; masked with {@link #KEY} when {@code masked}. */
    private static byte[] frame(boolean masked, int b0, byte[] payload) {
        int n = payload.length;
        int len7 = n < 126 ? n : n < 65536 ? 126 : 127;
        return concat(rawHeader(masked, b0, len7, n), mask(masked, payload));
    }

    /** A header with the given 7-bit length field and extended length (whatever it is), plus the key if masked. */
    private static byte[] rawHeader(boolean masked, int b0, int len7, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        out.write((masked ? 0x80 : 0) | len7);
        if (len7 == 126) {
            out.write((int) (length >>> 8));
            out.write((int) length);
        } else if (len7 == 127) {
            for (int shift = 56; shift >= 0; shift -= 8) out.write((int) (length >>> shift));
        }
        if (masked) for (int shift = 24; shift >= 0; shift -= 8) out.write(KEY >>> shift);
        return out.toByteArray();
    }

    private static byte[] mask(boolean masked, byte[] payload) {
        byte[] b = payload.clone();
        if (masked) for (int i = 0; i < b.length; i++) b[i] ^= (byte) (KEY >>> (24 - 8 * (i & 3)));
        return b;
    }

    private static byte[] truncated(byte[] b, int length) {
        return Arrays.copyOf(b, length);
    }

    private static byte[] closePayload(int code, String reason) {
        return concat(new byte[] {(byte) (code >>> 8), (byte) code}, utf8(reason));
    }

    private static byte[] chunks(int... sizes) {
        byte[] b = new byte[1 + sizes.length];
        b[0] = (byte) sizes.length;
        for (int i = 0; i < sizes.length; i++) b[1 + i] = (byte) sizes[i];
        return b;
    }

    private static byte[] lengthPrefixed(byte[] b) {
        if (b.length > 255) throw new IllegalArgumentException("too long for a length byte");
        return concat(new byte[] {(byte) b.length}, b);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + 7);
        return b;
    }

    private static byte[] ascii(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) ('a' + i % 26);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String s) {
        String h = s.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static void write(Path dir, String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
    }
}
