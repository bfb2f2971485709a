package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.PROMPTLY;
import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectBinary;
import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.fragments;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.Steps.sendChopped;
import static dev.tether.conformance.Steps.sendHead;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.EndpointKind;
import dev.tether.conformance.Step;
import dev.tether.conformance.Steps;
import dev.tether.conformance.wire.TestFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * 9: large messages up to the default 16 MiB limit, in one frame, in many fragments and in small writes;
 * many round trips; and messages beyond the configured limit, which fail with 1009 as soon as a frame
 * header announces too much, before its payload is sent. Payloads are built when the case runs, so the
 * catalog itself stays small.
 */
final class LimitCases {

    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;
    private static final int[] SINGLE_FRAME = {64 * KIB, 256 * KIB, MIB, 4 * MIB, 8 * MIB, 16 * MIB};
    private static final int[] FRAGMENT_SIZES = {64, 256, KIB, 4 * KIB, 16 * KIB, 64 * KIB, 256 * KIB, MIB, 4 * MIB};
    private static final int[] CHOPS = {64, 128, 256, 512, 1024, 2048};
    private static final int[] ROUND_TRIP_SIZES = {0, 16, 64, 256, 1024, 4096};
    private static final int ROUND_TRIPS = 1000;

    private LimitCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        for (int type = 0; type < 2; type++) {
            int opcode = type == 0 ? TestFrame.TEXT : TestFrame.BINARY;
            String kind = type == 0 ? "text" : "binary";
            String section = type == 0 ? "9.1." : "9.2.";
            for (int i = 0; i < SINGLE_FRAME.length; i++) {
                cases.add(ConformanceCase.of(section + (i + 1), kind + " message of " + Payloads.size(SINGLE_FRAME[i]) + " in one frame is echoed")
                        .steps(echo(opcode, SINGLE_FRAME[i], SINGLE_FRAME[i], 0), closeNormally()));
            }
        }
        for (int type = 0; type < 2; type++) {
            int opcode = type == 0 ? TestFrame.TEXT : TestFrame.BINARY;
            String kind = type == 0 ? "text" : "binary";
            String section = type == 0 ? "9.3." : "9.4.";
            for (int i = 0; i < FRAGMENT_SIZES.length; i++) {
                cases.add(ConformanceCase.of(section + (i + 1), kind + " message of 4 MiB in fragments of "
                                + Payloads.size(FRAGMENT_SIZES[i]) + " is echoed")
                        .steps(echo(opcode, 4 * MIB, FRAGMENT_SIZES[i], 0), closeNormally()));
            }
        }
        for (int type = 0; type < 2; type++) {
            int opcode = type == 0 ? TestFrame.TEXT : TestFrame.BINARY;
            String kind = type == 0 ? "text" : "binary";
            String section = type == 0 ? "9.5." : "9.6.";
            for (int i = 0; i < CHOPS.length; i++) {
                cases.add(ConformanceCase.of(section + (i + 1), kind + " message of 1 MiB in one frame, written in chops of "
                                + CHOPS[i] + " bytes, is echoed")
                        .steps(echo(opcode, MIB, MIB, CHOPS[i]), closeNormally()));
            }
        }
        for (int type = 0; type < 2; type++) {
            int opcode = type == 0 ? TestFrame.TEXT : TestFrame.BINARY;
            String kind = type == 0 ? "text" : "binary";
            String section = type == 0 ? "9.7." : "9.8.";
            for (int i = 0; i < ROUND_TRIP_SIZES.length; i++) {
                cases.add(ConformanceCase.of(section + (i + 1), ROUND_TRIPS + " " + kind + " messages of " + ROUND_TRIP_SIZES[i]
                                + " bytes, each echoed before the next is sent")
                        .steps(roundTrips(opcode, ROUND_TRIP_SIZES[i]), closeNormally()));
            }
        }
        addBeyondTheLimit(cases);
        return cases;
    }

    /** Sends one message of {@code size} bytes in fragments of {@code fragment} bytes (written in {@code chop}-byte writes, 0: one write) and expects it back. */
    private static Step echo(int opcode, int size, int fragment, int chop) {
        String description = "send a " + TestFrame.opcodeName(opcode) + " message of " + Payloads.size(size)
                + (fragment < size ? " in fragments of " + Payloads.size(fragment) : "")
                + (chop > 0 ? " in writes of " + chop + " bytes" : "") + ", expect it echoed";
        return Steps.custom(description, run -> {
            byte[] payload = opcode == TestFrame.TEXT ? Payloads.text(size) : Payloads.binary(size);
            List<TestFrame> frames = fragments(opcode, payload, fragment);
            (chop > 0 ? sendChopped(chop, frames) : send(frames)).run(run);
            (opcode == TestFrame.TEXT ? expectText(payload) : expectBinary(payload)).run(run);
        });
    }

    private static Step roundTrips(int opcode, int size) {
        return Steps.custom(ROUND_TRIPS + " times: send a " + TestFrame.opcodeName(opcode) + " message of " + size
                + " bytes and expect its echo", run -> {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                byte[] payload = opcode == TestFrame.TEXT ? Payloads.text(size) : Payloads.binary(size);
                if (size >= 4 && opcode == TestFrame.BINARY) {
                    payload[0] = (byte) (i >> 8); // each message differs, so a stale echo cannot pass
                    payload[1] = (byte) i;
                }
                send(TestFrame.of(opcode, payload)).run(run);
                (opcode == TestFrame.TEXT ? expectText(payload) : expectBinary(payload)).run(run);
            }
        });
    }

    /** 9.9 (ours): the limit itself is accepted; one byte more fails with 1009 as soon as a header announces it. */
    private static void addBeyondTheLimit(List<ConformanceCase> cases) {
        int limit = EndpointKind.SMALL_LIMIT;
        byte[] atLimit = Payloads.text(limit);
        cases.add(ConformanceCase.of("9.9.1", "with a 64 KiB limit, text of exactly 64 KiB in one frame is echoed")
                .on(EndpointKind.LIMITED).steps(send(TestFrame.text(atLimit)), expectText(atLimit), closeNormally()));
        cases.add(ConformanceCase.of("9.9.2", "with a 64 KiB limit, a text frame announcing 64 KiB + 1 fails with 1009 before its payload is sent")
                .on(EndpointKind.LIMITED).steps(sendHead(TestFrame.text(Payloads.text(limit + 1)), 1024), expectFailure(1009, PROMPTLY)));
        cases.add(ConformanceCase.of("9.9.3", "with a 64 KiB limit, a binary frame announcing 64 KiB + 1 fails with 1009 before its payload is sent")
                .on(EndpointKind.LIMITED).steps(sendHead(TestFrame.binary(Payloads.binary(limit + 1)), 1024), expectFailure(1009, PROMPTLY)));
        byte[] data = Payloads.binary(limit);
        cases.add(ConformanceCase.of("9.9.4", "with a 64 KiB limit, binary of exactly 64 KiB in 4 fragments is echoed")
                .on(EndpointKind.LIMITED).steps(send(fragments(TestFrame.BINARY, data, 16 * KIB)), expectBinary(data), closeNormally()));
        List<TestFrame> fourOpen = new ArrayList<>(fragments(TestFrame.BINARY, data, 16 * KIB));
        fourOpen.set(3, fourOpen.get(3).fragment());
        cases.add(ConformanceCase.of("9.9.5", "with a 64 KiB limit, 4 fragments of 16 KiB then a 1-byte continuation: 1009 at its header")
                .on(EndpointKind.LIMITED).steps(send(fourOpen), sendHead(TestFrame.continuation(new byte[] {42}), 0),
                        expectFailure(1009, PROMPTLY)));
        TestFrame tooMuch = TestFrame.continuation(Payloads.text(8 * KIB));
        cases.add(ConformanceCase.of("9.9.6", "with a 64 KiB limit, a 60 KiB text fragment then one announcing 8 KiB more: 1009 before it arrives")
                .on(EndpointKind.LIMITED).steps(send(TestFrame.text(Payloads.ascii(60 * KIB)).fragment()), sendHead(tooMuch, 100),
                        expectFailure(1009, PROMPTLY)));
        cases.add(ConformanceCase.of("9.9.7", "with the default 16 MiB limit, a text frame announcing 16 MiB + 1 fails with 1009 before its payload")
                .steps(sendHead(TestFrame.text(Payloads.ascii(1024)).claimingLength(EndpointKind.DEFAULT_LIMIT + 1), 1024),
                        expectFailure(1009, PROMPTLY)));
        cases.add(ConformanceCase.of("9.9.8", "with the default 16 MiB limit, 16 binary fragments of 1 MiB then one more byte: 1009")
                .steps(Steps.custom("send 16 fragments of 1 MiB (FIN=0) and the header of a 1-byte continuation", run -> {
                    byte[] mib = Payloads.binary(MIB);
                    List<TestFrame> frames = new ArrayList<>();
                    for (int i = 0; i < 16; i++) frames.add((i == 0 ? TestFrame.binary(mib) : TestFrame.continuation(mib)).fragment());
                    send(frames).run(run);
                    sendHead(TestFrame.continuation(new byte[] {1}), 0).run(run);
                }), expectFailure(1009)));
    }
}
