package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectBinary;
import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectPong;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.fragments;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.Steps.sendChopped;
import static dev.tether.conformance.Steps.sendEach;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.Step;
import dev.tether.conformance.wire.TestFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * 5: fragmented messages are assembled, control frames may come between fragments, and every broken
 * fragment sequence (fragmented control frame, continuation without a start, a new message inside an
 * open one) fails with 1002.
 */
final class FragmentationCases {

    private FragmentationCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        cases.add(ConformanceCase.of("5.1", "ping in 2 fragments fails with 1002")
                .steps(send(TestFrame.ping("fragment1").fragment(), TestFrame.continuation("fragment2")), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.2", "pong in 2 fragments fails with 1002")
                .steps(send(TestFrame.pong("fragment1").fragment(), TestFrame.continuation("fragment2")), expectFailure(1002)));

        TestFrame f1 = TestFrame.text("fragment1").fragment();
        TestFrame f2 = TestFrame.continuation("fragment2");
        cases.add(ConformanceCase.of("5.3", "text in 2 fragments is echoed whole")
                .steps(send(f1, f2), expectText("fragment1fragment2"), closeNormally()));
        cases.add(ConformanceCase.of("5.4", "text in 2 fragments, frame by frame, is echoed whole")
                .steps(sendEach(100, f1, f2), expectText("fragment1fragment2"), closeNormally()));
        cases.add(ConformanceCase.of("5.5", "text in 2 fragments, one byte per write, is echoed whole")
                .steps(sendChopped(1, f1, f2), expectText("fragment1fragment2"), closeNormally()));

        TestFrame ping = TestFrame.ping("pongme!");
        cases.add(ConformanceCase.of("5.6", "text in 2 fragments with a ping between: pong, then the echo")
                .steps(send(f1, ping, f2), expectPong("pongme!"), expectText("fragment1fragment2"), closeNormally()));
        cases.add(ConformanceCase.of("5.7", "text in 2 fragments with a ping between, frame by frame: pong, then the echo")
                .steps(sendEach(100, f1, ping, f2), expectPong("pongme!"), expectText("fragment1fragment2"), closeNormally()));
        cases.add(ConformanceCase.of("5.8", "text in 2 fragments with a ping between, one byte per write: pong, then the echo")
                .steps(sendChopped(1, f1, ping, f2), expectPong("pongme!"), expectText("fragment1fragment2"), closeNormally()));

        TestFrame finalCont = TestFrame.continuation("non-continuation payload");
        TestFrame openCont = TestFrame.continuation("non-continuation payload").fragment();
        TestFrame hello = TestFrame.text("Hello, world!");
        cases.add(ConformanceCase.of("5.9", "final continuation with no message to continue, then a text: 1002, no echo")
                .steps(send(finalCont, hello), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.10", "final continuation with no message to continue, frame by frame: 1002")
                .steps(sendEach(100, finalCont, hello), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.11", "final continuation with no message to continue, one byte per write: 1002")
                .steps(sendChopped(1, finalCont, hello), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.12", "non-final continuation with no message to continue, then a text: 1002")
                .steps(send(openCont, hello), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.13", "non-final continuation with no message to continue, frame by frame: 1002")
                .steps(sendEach(100, openCont, hello), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.14", "non-final continuation with no message to continue, one byte per write: 1002")
                .steps(sendChopped(1, openCont, hello), expectFailure(1002)));

        cases.add(ConformanceCase.of("5.15", "a complete fragmented text (echoed), then a continuation with nothing open: 1002")
                .steps(send(f1, f2), expectText("fragment1fragment2"),
                        send(TestFrame.continuation("fragment3").fragment(), TestFrame.text("fragment4")), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.16", "continuation, text start, continuation (twice): 1002 at the first frame")
                .steps(send(TestFrame.continuation("fragment1").fragment(), TestFrame.text("fragment2").fragment(),
                        TestFrame.continuation("fragment3"), TestFrame.continuation("fragment1").fragment(),
                        TestFrame.text("fragment2").fragment(), TestFrame.continuation("fragment3")), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.17", "final continuation, text start, continuation (twice): 1002 at the first frame")
                .steps(send(TestFrame.continuation("fragment1"), TestFrame.text("fragment2").fragment(),
                        TestFrame.continuation("fragment3"), TestFrame.continuation("fragment1"),
                        TestFrame.text("fragment2").fragment(), TestFrame.continuation("fragment3")), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.18", "a text start followed by another text frame (not a continuation): 1002")
                .steps(send(TestFrame.text("fragment1").fragment(), TestFrame.text("fragment2")), expectFailure(1002)));

        cases.add(fiveFragmentsWithPings("5.19", "text in 5 fragments with 2 pings between them, frame by frame, 100 ms apart", false));
        cases.add(fiveFragmentsWithPings("5.20", "text in 5 fragments with 2 pings between them, one byte per write", true));

        // Not in Autobahn by these numbers; the brief's "many small fragments" and byte-by-byte delivery.
        byte[] manyText = Payloads.text(1000);
        cases.add(ConformanceCase.of("5.21", "text of 1000 bytes in 1000 one-byte fragments (splitting characters) is echoed")
                .steps(send(fragments(TestFrame.TEXT, manyText, 1)), expectText(manyText), closeNormally()));
        byte[] manyBinary = Payloads.binary(4096);
        cases.add(ConformanceCase.of("5.22", "binary of 4096 bytes in 256 fragments of 16 bytes is echoed")
                .steps(send(fragments(TestFrame.BINARY, manyBinary, 16)), expectBinary(manyBinary), closeNormally()));
        byte[] trickled = Payloads.text(300);
        cases.add(ConformanceCase.of("5.23", "text in 10 fragments, all frames sent one byte per write, is echoed")
                .steps(sendChopped(1, fragments(TestFrame.TEXT, trickled, 30)), expectText(trickled), closeNormally()));
        byte[] data = Payloads.binary(64);
        cases.add(ConformanceCase.of("5.24", "binary in 2 fragments with a ping between: pong, then the echo")
                .steps(send(TestFrame.binary(java.util.Arrays.copyOf(data, 20)).fragment(), ping,
                        TestFrame.continuation(java.util.Arrays.copyOfRange(data, 20, 64))),
                        expectPong("pongme!"), expectBinary(data), closeNormally()));
        cases.add(ConformanceCase.of("5.25", "a binary start followed by a text frame: 1002")
                .steps(send(TestFrame.binary(data).fragment(), TestFrame.text("text")), expectFailure(1002)));
        cases.add(ConformanceCase.of("5.26", "empty first and last fragments around a payload are echoed as one message")
                .steps(send(TestFrame.binary(new byte[0]).fragment(), TestFrame.continuation(data).fragment(),
                        TestFrame.continuation(new byte[0])), expectBinary(data), closeNormally()));
        return cases;
    }

    private static ConformanceCase fiveFragmentsWithPings(String id, String title, boolean octetWise) {
        List<TestFrame> frames = List.of(
                TestFrame.text("fragment1").fragment(),
                TestFrame.continuation("fragment2").fragment(),
                TestFrame.ping("pongme 1!"),
                TestFrame.continuation("fragment3").fragment(),
                TestFrame.ping("pongme 2!"),
                TestFrame.continuation("fragment4").fragment(),
                TestFrame.continuation("fragment5"));
        Step sending = octetWise ? sendChopped(1, frames) : sendEach(100, frames.toArray(new TestFrame[0]));
        return ConformanceCase.of(id, title).steps(sending, expectPong("pongme 1!"), expectPong("pongme 2!"),
                expectText("fragment1fragment2fragment3fragment4fragment5"), closeNormally());
    }
}
