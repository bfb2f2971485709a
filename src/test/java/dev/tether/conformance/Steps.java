package dev.tether.conformance;

import dev.tether.conformance.wire.FrameReader;
import dev.tether.conformance.wire.Hex;
import dev.tether.conformance.wire.RawConnection;
import dev.tether.conformance.wire.ReceivedFrame;
import dev.tether.conformance.wire.TestFrame;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The steps cases are written with. Sending steps write exactly the bytes of their frames (masked as the
 * suite's role requires unless the frame says otherwise); expecting steps read the implementation's next
 * frames strictly and in order, so an extra, missing or reordered frame fails the case.
 */
public final class Steps {

    /** Hang guard for anything expected: generous, the verdicts never depend on it. */
    static final Duration EXPECT_TIMEOUT = Duration.ofSeconds(20);
    /**
     * How soon a failure must follow the byte that causes it (fail-fast cases, limits announced by a header):
     * the rest of the message is never sent, so a close that only comes at the message's end never comes.
     */
    public static final Duration PROMPTLY = Duration.ofSeconds(2);
    /** How long a quiet spell must last to count as "the implementation accepted this and waits for more". */
    public static final Duration QUIET = Duration.ofMillis(500);

    private Steps() {
    }

    // ------------------------------------------------------------------ sending

    /** Sends the frames in one write. */
    public static Step send(TestFrame... frames) {
        return new Send(List.of(frames), 0, 0);
    }

    /** Sends the frames in one write. */
    public static Step send(List<TestFrame> frames) {
        return new Send(List.copyOf(frames), 0, 0);
    }

    /** Sends each frame in a write of its own, with a pause between them (Autobahn's "frame-wise", "sync"). */
    public static Step sendEach(long pauseMillis, TestFrame... frames) {
        return new Send(List.of(frames), -1, pauseMillis);
    }

    /** Sends the frames' bytes in writes of {@code chop} bytes (1: octet-wise, Autobahn's "chopsize"). */
    public static Step sendChopped(int chop, TestFrame... frames) {
        return new Send(List.of(frames), chop, 0);
    }

    /** Sends the frames' bytes in writes of {@code chop} bytes. */
    public static Step sendChopped(int chop, List<TestFrame> frames) {
        return new Send(List.copyOf(frames), chop, 0);
    }

    /** Sends the frame's header and the first {@code payloadBytes} bytes of its payload. */
    public static Step sendHead(TestFrame frame, int payloadBytes) {
        return new SendSlice(frame, -1, payloadBytes);
    }

    /** Sends bytes {@code from} (inclusive) to {@code to} (exclusive) of the frame's payload, without its header. */
    public static Step sendPayload(TestFrame frame, int from, int to) {
        return new SendSlice(frame, from, to);
    }

    /** Sends the frame's payload from {@code from} to its end. */
    public static Step sendRest(TestFrame frame, int from) {
        return new SendSlice(frame, from, frame.payload().length);
    }

    /** Sends bytes that are not a frame at all. */
    public static Step sendBytes(String what, byte[] bytes) {
        return new SendBytes(what, bytes.clone());
    }

    public static Step pause(long millis) {
        return new Pause(millis);
    }

    // ------------------------------------------------------------------ expecting data

    public static Step expectText(String text) {
        return new ExpectMessage(TestFrame.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A text message with exactly these UTF-8 bytes. */
    public static Step expectText(byte[] utf8) {
        return new ExpectMessage(TestFrame.TEXT, utf8.clone());
    }

    public static Step expectBinary(byte[] data) {
        return new ExpectMessage(TestFrame.BINARY, data.clone());
    }

    public static Step expectPong(String payload) {
        return new ExpectPong(payload.getBytes(StandardCharsets.UTF_8));
    }

    public static Step expectPong(byte[] payload) {
        return new ExpectPong(payload.clone());
    }

    /**
     * The echoes of these messages, in order and each complete, until a close arrives: all of them, some
     * or none (RFC 6455 §5.5.1: after its close an endpoint sends no more data, so a close that arrives while
     * messages are being answered may overtake the answers still to come; it never reorders or cuts them).
     */
    public static Step expectEchoesUntilClose(List<TestFrame> messages) {
        return new ExpectInOrderUntilClose(List.copyOf(messages));
    }

    /** Nothing arrives for {@link #QUIET}: the implementation accepted what was sent and waits for more. */
    public static Step expectSilence() {
        return new ExpectSilence(QUIET);
    }

    // ------------------------------------------------------------------ expecting the end

    /**
     * The implementation fails the connection: its next frame is a close with {@code code}, within
     * {@code within}. The suite answers with a close (unless it sent one already), the implementation must
     * then end TCP promptly, and the application must have seen {@code WebSocketFailedException(code)}.
     */
    public static Step expectFailure(int code, Duration within) {
        return new ExpectClose(code, within, true);
    }

    /** As {@link #expectFailure(int, Duration)} with the hang guard for a timeout. */
    public static Step expectFailure(int code) {
        return new ExpectClose(code, EXPECT_TIMEOUT, true);
    }

    /**
     * The implementation answers the suite's close: its next frame is a close with {@code code} (1005: an
     * empty close), TCP then ends promptly, and the application's {@code runWith} returned with
     * {@code closeStatus().code() == code}.
     */
    public static Step expectCloseEcho(int code) {
        return new ExpectClose(code, EXPECT_TIMEOUT, false);
    }

    /** Sends a normal close (1000, no reason) and expects it echoed. */
    public static List<Step> closeNormally() {
        return List.of(send(TestFrame.close(1000, "")), expectCloseEcho(1000));
    }

    /**
     * The implementation ends TCP within {@code within} without a closing handshake (the suite vanished
     * first); the application sees the connection closed abnormally (1006).
     */
    public static Step expectDropped(Duration within) {
        return new ExpectDropped(within);
    }

    /** An action the catalog cannot express as frames, with a description for the script. */
    public static Step custom(String description, Action action) {
        return new Custom(description, action);
    }

    /** The body of a {@link #custom} step. */
    @FunctionalInterface
    public interface Action {
        void run(CaseRun run) throws Exception;
    }

    // ================================================================== implementations

    private record Send(List<TestFrame> frames, int chop, long pauseMillis) implements Step {
        @Override
        public void run(CaseRun run) throws IOException, InterruptedException {
            RawConnection c = run.connection();
            for (TestFrame f : frames) {
                if (f.opcode() == TestFrame.CLOSE) c.noteCloseSent();
            }
            try {
                if (chop < 0) {
                    for (int i = 0; i < frames.size(); i++) {
                        if (i > 0 && pauseMillis > 0) Thread.sleep(pauseMillis);
                        c.sendFrame(frames.get(i));
                    }
                    return;
                }
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (TestFrame f : frames) all.writeBytes(c.encode(f));
                byte[] bytes = all.toByteArray();
                String what = describeFrames();
                if (chop == 0) {
                    c.write(bytes, 0, bytes.length, what);
                } else {
                    c.transcript().add("→ " + what + " in writes of " + chop + " bytes");
                    for (int off = 0; off < bytes.length; off += chop) {
                        c.socket().getOutputStream().write(bytes, off, Math.min(chop, bytes.length - off));
                        c.socket().getOutputStream().flush();
                    }
                }
            } catch (SocketException e) {
                // The implementation may already have failed the connection and closed it: the steps that
                // follow decide whether that was right.
                c.transcript().add("  (write failed: " + e.getMessage() + ")");
            }
        }

        private String describeFrames() {
            if (frames.size() <= 4) return frames.toString();
            return frames.size() + " frames: " + frames.get(0) + " … " + frames.get(frames.size() - 1);
        }

        @Override
        public String describe() {
            String how = chop == 0 ? "send" : chop < 0 ? "send frame by frame" + (pauseMillis > 0 ? " (" + pauseMillis + " ms apart)" : "")
                    : "send in writes of " + chop + " bytes";
            return how + " " + describeFrames();
        }
    }

    private record SendSlice(TestFrame frame, int from, int to) implements Step {
        @Override
        public void run(CaseRun run) throws IOException {
            RawConnection c = run.connection();
            byte[] bytes = c.encode(frame);
            int header = c.headerLength(frame);
            int start = from < 0 ? 0 : header + from;
            int end = header + to;
            if (frame.opcode() == TestFrame.CLOSE) c.noteCloseSent();
            try {
                c.write(bytes, start, end - start, describe());
            } catch (SocketException e) {
                c.transcript().add("  (write failed: " + e.getMessage() + ")");
            }
        }

        @Override
        public String describe() {
            return from < 0 ? "send the header of " + frame + " and " + to + " payload bytes"
                    : "send payload bytes " + from + ".." + to + " of " + frame;
        }
    }

    private record SendBytes(String what, byte[] bytes) implements Step {
        @Override
        public void run(CaseRun run) throws IOException {
            try {
                run.connection().write(bytes, 0, bytes.length, what);
            } catch (SocketException e) {
                run.transcript().add("  (write failed: " + e.getMessage() + ")");
            }
        }

        @Override
        public String describe() {
            return "send " + what + " (" + bytes.length + " bytes)";
        }
    }

    private record Pause(long millis) implements Step {
        @Override
        public void run(CaseRun run) throws InterruptedException {
            Thread.sleep(millis);
        }

        @Override
        public String describe() {
            return "pause " + millis + " ms";
        }
    }

    private record ExpectMessage(int opcode, byte[] payload) implements Step {
        @Override
        public void run(CaseRun run) throws IOException {
            RawConnection c = run.connection();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ReceivedFrame first = next(run, "a " + TestFrame.opcodeName(opcode) + " message");
            if (first.opcode() != opcode) {
                throw run.failure("expected a " + TestFrame.opcodeName(opcode) + " message of " + payload.length
                        + " bytes, got " + first);
            }
            got.writeBytes(first.payload());
            ReceivedFrame f = first;
            while (!f.fin()) {
                f = next(run, "the continuation of a " + TestFrame.opcodeName(opcode) + " message");
                if (f.opcode() != TestFrame.CONTINUATION) throw run.failure("expected a continuation frame, got " + f);
                got.writeBytes(f.payload());
            }
            byte[] actual = got.toByteArray();
            if (!Arrays.equals(actual, payload)) {
                throw run.failure("message differs: expected " + payload.length + " bytes " + Hex.of(payload)
                        + ", got " + actual.length + " bytes " + Hex.of(actual) + firstDifference(payload, actual));
            }
            if (opcode == TestFrame.TEXT && !FrameReader.isUtf8(actual, 0, actual.length)) {
                throw run.failure("the implementation sent a text message that is not valid UTF-8");
            }
            c.transcript().add("  ✓ " + TestFrame.opcodeName(opcode) + " message of " + actual.length + " bytes as expected");
        }

        @Override
        public String describe() {
            return "expect " + TestFrame.opcodeName(opcode) + " message of " + payload.length + " bytes"
                    + (payload.length <= 16 ? " " + Hex.of(payload) : "");
        }
    }

    private static String firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) return " (first difference at byte " + i + ")";
        }
        return "";
    }

    /** The next frame, or a failure that says what was expected instead of a timeout or the end of the stream. */
    static ReceivedFrame next(CaseRun run, String expected) throws IOException {
        return next(run, expected, EXPECT_TIMEOUT);
    }

    static ReceivedFrame next(CaseRun run, String expected, Duration within) throws IOException {
        try {
            return run.connection().next(within);
        } catch (SocketTimeoutException e) {
            throw run.failure("expected " + expected + " within " + within.toMillis() + " ms, nothing arrived");
        } catch (EOFException e) {
            throw run.failure("expected " + expected + ", the connection ended instead");
        } catch (SocketException e) {
            throw run.failure("expected " + expected + ", the connection was reset (" + e.getMessage() + ")");
        } catch (dev.tether.conformance.wire.PeerViolation e) {
            throw run.failure("the implementation sent an invalid frame where " + expected + " was expected: " + e.getMessage());
        }
    }

    private record ExpectPong(byte[] payload) implements Step {
        @Override
        public void run(CaseRun run) throws IOException {
            ReceivedFrame f = next(run, "a pong");
            if (f.opcode() != TestFrame.PONG || !Arrays.equals(f.payload(), payload)) {
                throw run.failure("expected PONG with payload " + Hex.of(payload) + ", got " + f);
            }
        }

        @Override
        public String describe() {
            return "expect PONG " + (payload.length <= 16 ? Hex.of(payload) : payload.length + " bytes");
        }
    }

    private record ExpectInOrderUntilClose(List<TestFrame> messages) implements Step {
        @Override
        public void run(CaseRun run) throws IOException {
            int echoed = 0;
            for (TestFrame m : messages) {
                ReceivedFrame f;
                try {
                    f = run.connection().peek(EXPECT_TIMEOUT);
                } catch (SocketTimeoutException | EOFException e) {
                    throw run.failure("expected an echo or a close, got nothing: " + e.getMessage());
                }
                if (f.opcode() == TestFrame.CLOSE) break;
                new ExpectMessage(m.opcode(), m.payload()).run(run);
                echoed++;
            }
            run.transcript().add("  (" + echoed + " of " + messages.size() + " messages echoed before the close)");
        }

        @Override
        public String describe() {
            return "expect the echoes of the first n of these " + messages.size() + " messages, in order and complete (0 <= n <= "
                    + messages.size() + "), then a close";
        }
    }

    private record ExpectSilence(Duration quiet) implements Step {
        @Override
        public void run(CaseRun run) throws IOException {
            if (!run.connection().silentFor(quiet)) {
                String what;
                try {
                    what = String.valueOf(run.connection().next(Duration.ofSeconds(2)));
                } catch (IOException e) {
                    what = e.toString();
                }
                throw run.failure("expected no reaction for " + quiet.toMillis() + " ms (the input so far is valid), got " + what);
            }
        }

        @Override
        public String describe() {
            return "expect nothing for " + quiet.toMillis() + " ms";
        }
    }

    private record ExpectClose(int code, Duration within, boolean failure) implements Step {
        @Override
        public void run(CaseRun run) throws IOException {
            RawConnection c = run.connection();
            long start = System.nanoTime();
            String expected = "a close frame with " + (code == 1005 ? "no code" : "code " + code);
            ReceivedFrame f = next(run, expected, within);
            if (f.opcode() != TestFrame.CLOSE) throw run.failure("expected " + expected + ", got " + f);
            if (f.closeCode() != code) {
                throw run.failure("expected " + expected + ", got close " + f.closeCode()
                        + (f.closeReason().isEmpty() ? "" : " \"" + f.closeReason() + "\""));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            c.transcript().add("  ✓ " + expected + " after " + millis + " ms");
            if (!c.closeSent()) {
                try {
                    c.sendFrame(f.payload().length == 0 ? TestFrame.closeRaw(new byte[0]) : TestFrame.close(code, ""));
                } catch (SocketException e) {
                    c.transcript().add("  (close reply not written: " + e.getMessage() + ")");
                }
            }
            run.ended(CaseRun.Ending.CLOSE_HANDSHAKE, failure ? new ApiOutcome(ApiOutcome.Kind.FAILED, code, null)
                    : new ApiOutcome(ApiOutcome.Kind.RETURNED, code, null));
        }

        @Override
        public String describe() {
            String c = code == 1005 ? "an empty close" : "close " + code;
            return failure ? "expect the implementation to fail the connection with " + c
                    + (within.compareTo(EXPECT_TIMEOUT) < 0 ? " within " + within.toMillis() + " ms" : "")
                    : "expect " + c + " in answer";
        }
    }

    private record ExpectDropped(Duration within) implements Step {
        @Override
        public void run(CaseRun run) throws IOException {
            RawConnection c = run.connection();
            StringBuilder extra = new StringBuilder();
            RawConnection.Ending end = c.awaitEnd(within, extra);
            if (end == RawConnection.Ending.STILL_OPEN) {
                throw run.failure("expected the implementation to end TCP within " + within.toMillis() + " ms");
            }
            if (extra.length() > 0) throw run.failure("expected no frames after the peer vanished, got " + extra);
            run.ended(CaseRun.Ending.DROPPED, new ApiOutcome(ApiOutcome.Kind.RETURNED, 1006, null));
        }

        @Override
        public String describe() {
            return "expect TCP to end within " + within.toMillis() + " ms, and the application to see 1006";
        }
    }

    private record Custom(String description, Action action) implements Step {
        @Override
        public void run(CaseRun run) throws Exception {
            action.run(run);
        }

        @Override
        public String describe() {
            return description;
        }
    }

    /** Frames for a text message in fragments of the given sizes (in bytes of its UTF-8). */
    public static List<TestFrame> fragments(int opcode, byte[] message, int fragmentSize) {
        List<TestFrame> frames = new ArrayList<>();
        int off = 0;
        do {
            int n = Math.min(fragmentSize, message.length - off);
            byte[] part = Arrays.copyOfRange(message, off, off + n);
            off += n;
            TestFrame f = TestFrame.of(frames.isEmpty() ? opcode : TestFrame.CONTINUATION, part);
            frames.add(off < message.length ? f.fragment() : f);
        } while (off < message.length);
        return frames;
    }
}
