package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.Steps.sendChopped;
import static dev.tether.conformance.Steps.sendEach;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.wire.TestFrame;
import java.util.List;

/**
 * 3: no extension is ever negotiated, so any RSV bit fails the connection with 1002, whatever the frame.
 * Where a valid message comes first, its echo is awaited before the bad frame is sent, so the verdict
 * does not depend on whether the echo could overtake the failure.
 */
final class ReservedBitsCases {

    private ReservedBitsCases() {
    }

    static List<ConformanceCase> all() {
        TestFrame hello = TestFrame.text("Hello, world!");
        TestFrame ping = TestFrame.ping("");
        return List.of(
                ConformanceCase.of("3.1", "text frame with RSV1 set fails with 1002")
                        .steps(send(TestFrame.text("Hello, world!").withRsv(4)), expectFailure(1002)),
                ConformanceCase.of("3.2", "after a valid echo, text with RSV2 then a ping in one write: 1002, no pong")
                        .steps(send(hello), expectText("Hello, world!"), send(hello.withRsv(2), ping), expectFailure(1002)),
                ConformanceCase.of("3.3", "after a valid echo, text with RSV3 then a ping frame by frame: 1002, no pong")
                        .steps(send(hello), expectText("Hello, world!"), sendEach(50, hello.withRsv(1), ping), expectFailure(1002)),
                ConformanceCase.of("3.4", "after a valid echo, text with RSV1+2 then a ping one byte per write: 1002, no pong")
                        .steps(send(hello), expectText("Hello, world!"), sendChopped(1, hello.withRsv(6), ping), expectFailure(1002)),
                ConformanceCase.of("3.5", "binary frame with RSV1+3 set fails with 1002")
                        .steps(send(TestFrame.binary(Payloads.binary(8)).withRsv(5)), expectFailure(1002)),
                ConformanceCase.of("3.6", "ping with RSV2+3 set fails with 1002 and is not answered")
                        .steps(send(TestFrame.ping("Hello, world!").withRsv(3)), expectFailure(1002)),
                ConformanceCase.of("3.7", "close with RSV1+2+3 set fails with 1002")
                        .steps(send(TestFrame.close(1000, "").withRsv(7)), expectFailure(1002)),
                ConformanceCase.of("3.8", "continuation frame with RSV1 set, inside a fragmented text, fails with 1002")
                        .steps(send(TestFrame.text("frag").fragment(), TestFrame.continuation("ment").withRsv(4)),
                                expectFailure(1002)));
    }
}
