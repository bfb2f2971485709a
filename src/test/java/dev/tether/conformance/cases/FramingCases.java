package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectBinary;
import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.Steps.sendChopped;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.wire.TestFrame;
import dev.tether.conformance.wire.TestFrame.LengthForm;
import java.util.ArrayList;
import java.util.List;

/** 1: text and binary messages of every length-field form, 0 to 65536 bytes; 1.3 (ours): non-minimal lengths. */
final class FramingCases {

    private static final int[] LENGTHS = {0, 125, 126, 127, 128, 65535, 65536};

    private FramingCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        for (int i = 0; i < LENGTHS.length; i++) {
            byte[] text = Payloads.text(LENGTHS[i]);
            cases.add(ConformanceCase.of("1.1." + (i + 1), "text message of " + LENGTHS[i] + " bytes")
                    .steps(send(TestFrame.text(text)), expectText(text), closeNormally()));
        }
        byte[] chopped = Payloads.text(65536);
        cases.add(ConformanceCase.of("1.1.8", "text message of 65536 bytes written in chops of 997 bytes")
                .steps(sendChopped(997, TestFrame.text(chopped)), expectText(chopped), closeNormally()));

        for (int i = 0; i < LENGTHS.length; i++) {
            byte[] data = Payloads.binary(LENGTHS[i]);
            cases.add(ConformanceCase.of("1.2." + (i + 1), "binary message of " + LENGTHS[i] + " bytes")
                    .steps(send(TestFrame.binary(data)), expectBinary(data), closeNormally()));
        }
        byte[] choppedData = Payloads.binary(65536);
        cases.add(ConformanceCase.of("1.2.8", "binary message of 65536 bytes written in chops of 997 bytes")
                .steps(sendChopped(997, TestFrame.binary(choppedData)), expectBinary(choppedData), closeNormally()));

        // Not in Autobahn: RFC 6455 §5.2 requires the minimal length encoding.
        cases.add(ConformanceCase.of("1.3.1", "text of 5 bytes with a 16-bit length field (not minimal) fails with 1002")
                .steps(send(TestFrame.text("Hello").withLengthForm(LengthForm.FORCE_16)), expectFailure(1002)));
        cases.add(ConformanceCase.of("1.3.2", "binary of 200 bytes with a 64-bit length field (not minimal) fails with 1002")
                .steps(send(TestFrame.binary(Payloads.binary(200)).withLengthForm(LengthForm.FORCE_64)), expectFailure(1002)));
        cases.add(ConformanceCase.of("1.3.3", "ping with a 16-bit length field (control frames must use 7 bits) fails with 1002")
                .steps(send(TestFrame.ping("x").withLengthForm(LengthForm.FORCE_16)), expectFailure(1002)));
        return cases;
    }
}
