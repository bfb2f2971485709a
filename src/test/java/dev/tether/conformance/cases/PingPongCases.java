package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectPong;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.Steps.sendChopped;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.Step;
import dev.tether.conformance.wire.TestFrame;
import java.util.ArrayList;
import java.util.List;

/** 2: pings are answered with the same payload, pongs nobody asked for are ignored, oversized pings fail. */
final class PingPongCases {

    private PingPongCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        cases.add(ConformanceCase.of("2.1", "ping without payload is answered by a pong without payload")
                .steps(send(TestFrame.ping("")), expectPong(""), closeNormally()));
        cases.add(ConformanceCase.of("2.2", "ping with a small text payload is answered with the same payload")
                .steps(send(TestFrame.ping("Hello, world!")), expectPong("Hello, world!"), closeNormally()));
        byte[] binary = {0x00, (byte) 0xff, (byte) 0xfe, (byte) 0xfd, (byte) 0xfc, (byte) 0xfb, 0x00, (byte) 0xff};
        cases.add(ConformanceCase.of("2.3", "ping with a small binary payload is answered with the same payload")
                .steps(send(TestFrame.ping(binary)), expectPong(binary), closeNormally()));
        byte[] max = Payloads.binary(125);
        cases.add(ConformanceCase.of("2.4", "ping with 125 bytes of binary payload (the maximum) is answered")
                .steps(send(TestFrame.ping(max)), expectPong(max), closeNormally()));
        cases.add(ConformanceCase.of("2.5", "ping with 126 bytes of payload (control frames carry at most 125) fails with 1002")
                .steps(send(TestFrame.ping(Payloads.binary(126))), expectFailure(1002)));
        cases.add(ConformanceCase.of("2.6", "ping with 125 bytes sent one byte per write is answered")
                .steps(sendChopped(1, TestFrame.ping(max)), expectPong(max), closeNormally()));
        cases.add(ConformanceCase.of("2.7", "unsolicited pong without payload is ignored")
                .steps(send(TestFrame.pong("")), closeNormally()));
        cases.add(ConformanceCase.of("2.8", "unsolicited pong with payload is ignored")
                .steps(send(TestFrame.pong("unsolicited pong payload")), closeNormally()));
        cases.add(ConformanceCase.of("2.9", "unsolicited pong, then a ping: only the ping is answered")
                .steps(send(TestFrame.pong("unsolicited pong payload"), TestFrame.ping("ping payload")),
                        expectPong("ping payload"), closeNormally()));
        cases.add(ConformanceCase.of("2.10", "10 pings in one write are each answered, in order")
                .steps(send(tenPings()), tenPongs(), closeNormally()));
        cases.add(ConformanceCase.of("2.11", "10 pings sent one byte per write are each answered, in order")
                .steps(sendChopped(1, tenPings()), tenPongs(), closeNormally()));
        return cases;
    }

    private static List<TestFrame> tenPings() {
        List<TestFrame> pings = new ArrayList<>();
        for (int i = 0; i < 10; i++) pings.add(TestFrame.ping("payload-" + i));
        return pings;
    }

    private static List<Step> tenPongs() {
        List<Step> pongs = new ArrayList<>();
        for (int i = 0; i < 10; i++) pongs.add(expectPong("payload-" + i));
        return pongs;
    }
}
