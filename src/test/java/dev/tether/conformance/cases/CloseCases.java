package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectEchoesUntilClose;
import static dev.tether.conformance.Steps.expectCloseEcho;
import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.send;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.wire.Hex;
import dev.tether.conformance.wire.TestFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * 7: the closing handshake. A close is answered with the same code and nothing after it is processed;
 * codes that may not be sent and malformed close payloads fail with 1002, a reason that is not UTF-8 with
 * 1007. Every case also checks (in the runner) that the server ends TCP within a second of the handshake.
 */
final class CloseCases {

    private static final int[] VALID = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
        3000, 3999, 4000, 4999};
    private static final int[] INVALID = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999};

    private CloseCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        TestFrame close = TestFrame.close(1000, "");
        cases.add(ConformanceCase.of("7.1.1", "a message (echoed), then a close: clean close with 1000")
                .steps(send(TestFrame.text("Hello World!")), expectText("Hello World!"), closeNormally()));
        cases.add(ConformanceCase.of("7.1.2", "two closes in a row: one close in answer, the second is ignored")
                .steps(send(close, close), expectCloseEcho(1000)));
        cases.add(ConformanceCase.of("7.1.3", "a ping after the close is not answered")
                .steps(send(close, TestFrame.ping("")), expectCloseEcho(1000)));
        cases.add(ConformanceCase.of("7.1.4", "a text after the close is not echoed")
                .steps(send(close, TestFrame.text("Hello World!")), expectCloseEcho(1000)));
        cases.add(ConformanceCase.of("7.1.5", "a close between the fragments of a text: clean close, the message is dropped")
                .steps(send(TestFrame.text("fragment1").fragment(), close, TestFrame.continuation("fragment2")),
                        expectCloseEcho(1000)));
        TestFrame big = TestFrame.text(Payloads.text(256 * 1024));
        TestFrame small = TestFrame.text("Hello World!");
        cases.add(ConformanceCase.of("7.1.6", "256 KiB text, a small text, a close and a ping back to back: "
                        + "echoes in order (the close may overtake them), then the close")
                .steps(send(big, small, close, TestFrame.ping("")), expectEchoesUntilClose(List.of(big, small)), expectCloseEcho(1000)));
        cases.add(ConformanceCase.of("7.2.1", "after the closing handshake the server ends TCP within 1 s, the client keeping its side open")
                .steps(closeNormally()));

        cases.add(ConformanceCase.of("7.3.1", "close without payload is answered by a close without payload")
                .steps(send(TestFrame.closeRaw(new byte[0])), expectCloseEcho(1005)));
        cases.add(ConformanceCase.of("7.3.2", "close with a 1-byte payload fails with 1002")
                .steps(send(TestFrame.closeRaw(new byte[] {0x03})), expectFailure(1002)));
        cases.add(ConformanceCase.of("7.3.3", "close 1000 without reason is answered with 1000")
                .steps(send(close), expectCloseEcho(1000)));
        cases.add(ConformanceCase.of("7.3.4", "close 1000 with a reason is answered with 1000")
                .steps(send(TestFrame.close(1000, "Hello World!")), expectCloseEcho(1000)));
        cases.add(ConformanceCase.of("7.3.5", "close 1000 with a 123-byte reason (the maximum) is answered with 1000")
                .steps(send(TestFrame.close(1000, Payloads.ascii(123))), expectCloseEcho(1000)));
        cases.add(ConformanceCase.of("7.3.6", "close 1000 with a 124-byte reason (payload 126 > 125) fails with 1002")
                .steps(send(TestFrame.close(1000, Payloads.ascii(124))), expectFailure(1002)));
        cases.add(ConformanceCase.of("7.3.7", "close 1000 with a reason of multi-byte characters is answered with 1000")
                .steps(send(TestFrame.close(1000, "κόσμε 𐍈 — bye")), expectCloseEcho(1000)));

        byte[] badReason = Payloads.concat(Hex.parse("ce ba e1 bd b9 cf 83 ce bc ce b5"), Hex.parse("ed a0 80"), Payloads.utf8("edited"));
        cases.add(ConformanceCase.of("7.5.1", "close with a reason that is not valid UTF-8 fails with 1007")
                .steps(send(TestFrame.close(1000, badReason)), expectFailure(1007)));
        cases.add(ConformanceCase.of("7.5.2", "close with a reason that ends inside a UTF-8 sequence fails with 1007")
                .steps(send(TestFrame.close(1000, Hex.parse("61 62 ce"))), expectFailure(1007)));

        for (int i = 0; i < VALID.length; i++) {
            cases.add(ConformanceCase.of("7.7." + (i + 1), "close with valid code " + VALID[i] + " is answered with " + VALID[i])
                    .steps(send(TestFrame.close(VALID[i], "")), expectCloseEcho(VALID[i])));
        }
        for (int i = 0; i < INVALID.length; i++) {
            cases.add(ConformanceCase.of("7.9." + (i + 1), "close with code " + INVALID[i] + ", which may not be sent, fails with 1002")
                    .steps(send(TestFrame.close(INVALID[i], "")), expectFailure(1002)));
        }
        cases.add(ConformanceCase.of("7.13.1", "close with code 5000 (beyond the registry) fails with 1002")
                .steps(send(TestFrame.close(5000, "")), expectFailure(1002)));
        cases.add(ConformanceCase.of("7.13.2", "close with code 65535 fails with 1002")
                .steps(send(TestFrame.close(65535, "")), expectFailure(1002)));
        return cases;
    }
}
