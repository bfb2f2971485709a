package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.PROMPTLY;
import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectCloseEcho;
import static dev.tether.conformance.Steps.expectDropped;
import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.Steps.sendBytes;
import static dev.tether.conformance.Steps.sendHead;

import dev.tether.conformance.ApiOutcome;
import dev.tether.conformance.CaseRun;
import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.ConformanceSummary;
import dev.tether.conformance.EndpointKind;
import dev.tether.conformance.Step;
import dev.tether.conformance.Steps;
import dev.tether.conformance.Target;
import dev.tether.conformance.wire.AcceptKeys;
import dev.tether.conformance.wire.HttpHead;
import dev.tether.conformance.wire.RawConnection;
import dev.tether.conformance.wire.ReceivedFrame;
import dev.tether.conformance.wire.TestFrame;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * S: peers that misbehave in ways no frame rule names: vanishing mid-frame, absurd length claims, many
 * connections announcing large frames, a flood of pings, bytes after the close, a sender that trickles.
 * Bad input must get a clear answer and never cost memory it did not bring.
 */
final class RobustnessCases {

    private static final long MIB = 1024 * 1024;

    private RobustnessCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        TestFrame hundred = TestFrame.text(Payloads.ascii(100));
        cases.add(ConformanceCase.of("S.1", "half a frame, then the peer closes TCP: the other side ends TCP too, the application sees 1006")
                .steps(sendHead(hundred, 10), Steps.custom("close TCP (FIN) mid-frame", run -> run.connection().shutdownOutput()),
                        expectDropped(Duration.ofSeconds(2))));
        cases.add(ConformanceCase.of("S.2", "half a frame, then the peer vanishes with a reset: the application sees 1006")
                .steps(sendHead(hundred, 10), Steps.custom("reset the connection (RST)", RobustnessCases::vanish)));
        cases.add(ConformanceCase.of("S.3", "a frame header claiming 2^63-1 bytes fails with 1009 at once, before any payload")
                .steps(sendHead(TestFrame.text(Payloads.ascii(16)).claimingLength(Long.MAX_VALUE), 16), expectFailure(1009, PROMPTLY)));
        cases.add(ConformanceCase.of("S.4", "a 64-bit length with the most significant bit set fails with 1002 at once")
                .steps(sendHead(TestFrame.binary(Payloads.binary(16)).claimingLength(0x8000_0000_0000_0010L), 16),
                        expectFailure(1002, PROMPTLY)));
        cases.add(ConformanceCase.of("S.5", "a 64-bit length of all ones fails with 1002 at once")
                .steps(sendHead(TestFrame.binary(Payloads.binary(16)).claimingLength(-1L), 0), expectFailure(1002, PROMPTLY)));
        cases.add(ConformanceCase.of("S.6", "20 connections each announce a 16 MiB frame and send 1 KiB: the heap does not grow by the claims")
                .serverOnly().steps(Steps.custom("open 20 connections, announce 16 MiB on each, send 1 KiB, measure the heap, reset them",
                        RobustnessCases::claimsDoNotAllocate), closeNormally()));
        cases.add(ConformanceCase.of("S.7", "a flood of 10,000 pings: answered in order, the last one for sure, nothing queued without bound")
                .steps(Steps.custom("send 10,000 pings in 10 writes, then a text; read until its echo", RobustnessCases::pingFlood),
                        closeNormally()));
        cases.add(ConformanceCase.of("S.8", "64 KiB of garbage after the close is ignored: the close is answered, TCP ends")
                .steps(send(TestFrame.close(1000, "")), sendBytes("64 KiB of bytes that are not frames", garbage()),
                        expectCloseEcho(1000)));
        cases.add(ConformanceCase.of("S.9", "a sender that trickles a frame one byte every 50 ms is served: the echo comes")
                .steps(Steps.custom("send a 20-byte text frame one byte every 50 ms", RobustnessCases::trickle),
                        expectText("trickled, slowly"), closeNormally()));
        cases.add(ConformanceCase.of("S.10", "a frame in the same write as the upgrade request is not lost: it is echoed")
                .serverOnly().withoutHandshake().steps(Steps.custom("send the upgrade request and a text frame in one write; expect 101",
                        RobustnessCases::frameWithTheRequest), expectText("early bird"), closeNormally()));
        return cases;
    }

    private static void vanish(CaseRun run) throws InterruptedException {
        run.connection().abort();
        run.ended(CaseRun.Ending.DROPPED, new ApiOutcome(ApiOutcome.Kind.RETURNED, 1006, null));
        if (run.target() == Target.SERVER) awaitOpenConnections(run, 0, Duration.ofSeconds(5));
    }

    private static void awaitOpenConnections(CaseRun run, int atMost, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (run.server().openConnections() > atMost) {
            if (System.nanoTime() > deadline) {
                throw run.failure("the server still holds " + run.server().openConnections() + " connections "
                        + within.toSeconds() + " s after their peers vanished (expected at most " + atMost + ")");
            }
            Thread.sleep(20);
        }
    }

    private static void claimsDoNotAllocate(CaseRun run) throws Exception {
        int connections = 20;
        long before = usedHeapAfterGc();
        List<RawConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                RawConnection c = run.server().connect(EndpointKind.ECHO, run.transcript());
                open.add(c);
                TestFrame big = TestFrame.binary(Payloads.binary(1024)).claimingLength(16 * MIB);
                byte[] bytes = c.encode(big);
                c.write(bytes, 0, bytes.length, "a BINARY header claiming 16 MiB and 1 KiB of it");
            }
            // Let the server read what was sent before measuring.
            Thread.sleep(500);
            long after = usedHeapAfterGc();
            long grown = after - before;
            run.transcript().add(String.format("  heap: %d MiB before, %d MiB after (%+d MiB) with %d × 16 MiB announced",
                    before / MIB, after / MIB, grown / MIB, connections));
            ConformanceSummary.note(run.conformanceCase().id() + " (" + run.server().name() + "): heap grew "
                    + grown / MIB + " MiB while " + connections + " connections announced 16 MiB each");
            if (grown > 64 * MIB) {
                throw run.failure("the heap grew by " + grown / MIB + " MiB: the server seems to size buffers by the claims");
            }
        } finally {
            for (RawConnection c : open) c.abort();
        }
        awaitOpenConnections(run, 1, Duration.ofSeconds(5));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void pingFlood(CaseRun run) throws Exception {
        int pings = 10_000;
        RawConnection c = run.connection();
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < pings; i++) {
            batch.writeBytes(c.encode(TestFrame.ping("p" + i)));
            if ((i + 1) % 1000 == 0) {
                byte[] b = batch.toByteArray();
                c.write(b, 0, b.length, "1000 pings, p" + (i - 999) + " … p" + i);
                batch.reset();
            }
        }
        c.sendFrame(TestFrame.text("flood over"));
        int answered = 0;
        int last = -1;
        while (true) {
            ReceivedFrame f = c.next(Duration.ofSeconds(20));
            if (f.opcode() == TestFrame.TEXT) {
                if (!"flood over".equals(new String(f.payload(), StandardCharsets.UTF_8))) throw run.failure("unexpected text " + f);
                break;
            }
            if (f.opcode() != TestFrame.PONG) throw run.failure("expected pongs and the echo, got " + f);
            String p = new String(f.payload(), StandardCharsets.US_ASCII);
            int index;
            try {
                index = Integer.parseInt(p.substring(1));
            } catch (RuntimeException e) {
                throw run.failure("a pong whose payload is no ping's: " + p);
            }
            if (index <= last) throw run.failure("pong p" + index + " after pong p" + last + ": out of order or repeated");
            last = index;
            answered++;
        }
        if (last != pings - 1) throw run.failure("the last ping (p" + (pings - 1) + ") was not answered; the last pong was p" + last);
        run.transcript().add("  " + answered + " pongs for " + pings + " pings, in order, the last one answered");
        String where = run.target() == Target.SERVER ? run.server().name() : "client";
        ConformanceSummary.note(run.conformanceCase().id() + " (" + where + "): " + answered
                + " pongs for " + pings + " pings");
    }

    private static byte[] garbage() {
        return Payloads.binary(64 * 1024);
    }

    private static void trickle(CaseRun run) throws Exception {
        RawConnection c = run.connection();
        byte[] frame = c.encode(TestFrame.text("trickled, slowly"));
        c.transcript().add("→ TEXT \"trickled, slowly\", one byte every 50 ms (" + frame.length + " bytes)");
        OutputStream out = c.socket().getOutputStream();
        for (byte b : frame) {
            out.write(b);
            out.flush();
            Thread.sleep(50);
        }
    }

    private static void frameWithTheRequest(CaseRun run) throws Exception {
        String key = AcceptKeys.newKey();
        String request = "GET " + run.server().requestTarget(EndpointKind.ECHO) + " HTTP/1.1\r\nHost: " + run.server().hostHeader()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        run.upgraded();
        byte[] all = Payloads.concat(request.getBytes(StandardCharsets.ISO_8859_1), run.connection().encode(TestFrame.text("early bird")));
        run.connection().write(all, 0, all.length, "upgrade request + TEXT \"early bird\"");
        run.socket().setSoTimeout(10_000);
        HttpHead response = HttpHead.read(run.in());
        run.transcript().add("← " + response);
        if (response.status() != 101 || !AcceptKeys.accept(key).equals(response.header("Sec-WebSocket-Accept"))) {
            throw run.failure("expected a correct 101, got " + response);
        }
    }
}
