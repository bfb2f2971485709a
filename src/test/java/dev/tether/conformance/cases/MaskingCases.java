package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectBinary;
import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.send;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.wire.TestFrame;
import java.util.List;

/**
 * 10: a client must mask every frame and a server none (RFC 6455 §5.1); a frame masked the wrong way
 * fails with 1002. Against the server the suite sends unmasked frames; against the client, masked ones.
 */
final class MaskingCases {

    private MaskingCases() {
    }

    static List<ConformanceCase> all() {
        TestFrame hello = TestFrame.text("Hello, world!");
        byte[] data = Payloads.binary(300);
        return List.of(
                ConformanceCase.of("10.1.1", "text frame masked the wrong way for the sender's role fails with 1002")
                        .steps(send(hello.withWrongMasking()), expectFailure(1002)),
                ConformanceCase.of("10.1.2", "ping masked the wrong way fails with 1002 and is not answered")
                        .steps(send(TestFrame.ping("ping").withWrongMasking()), expectFailure(1002)),
                ConformanceCase.of("10.1.3", "close masked the wrong way fails with 1002")
                        .steps(send(TestFrame.close(1000, "").withWrongMasking()), expectFailure(1002)),
                ConformanceCase.of("10.1.4", "a correctly masked first fragment, then a continuation masked the wrong way: 1002")
                        .steps(send(TestFrame.text("frag").fragment(), TestFrame.continuation("ment").withWrongMasking()),
                                expectFailure(1002)),
                ConformanceCase.of("10.1.5", "after a valid echo, a binary frame of 300 bytes masked the wrong way: 1002")
                        .steps(send(hello), expectText("Hello, world!"), send(TestFrame.binary(data).withWrongMasking()),
                                expectFailure(1002)),
                ConformanceCase.of("10.2.1", "a frame masked with the all-zero key is masked all the same, and echoed")
                        .serverOnly().steps(send(hello.withMaskKey(0)), expectText("Hello, world!"), closeNormally()),
                ConformanceCase.of("10.2.2", "fragments of one message with different masking keys are unmasked each with its own")
                        .serverOnly().steps(send(TestFrame.binary(java.util.Arrays.copyOf(data, 100)).fragment().withMaskKey(0x01020304),
                                TestFrame.continuation(java.util.Arrays.copyOfRange(data, 100, 300)).withMaskKey(0xF0E0D0C0)),
                                expectBinary(data), closeNormally()));
    }
}
