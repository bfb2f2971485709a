package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.PROMPTLY;
import static dev.tether.conformance.Steps.closeNormally;
import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectSilence;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.fragments;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.Steps.sendHead;
import static dev.tether.conformance.Steps.sendPayload;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.wire.Hex;
import dev.tether.conformance.wire.TestFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * 6: text must be valid UTF-8. Valid text is echoed byte for byte; invalid text fails with 1007, and
 * (6.4) as soon as the offending byte arrives: those cases send the message in pieces, wait, and never
 * send the rest, so a close that would only come at the end of the message never comes.
 */
final class Utf8Cases {

    private static final byte[] KOSME = Hex.parse("ce ba e1 bd b9 cf 83 ce bc ce b5");
    private static final byte[] UMLAUTS = Payloads.utf8("Hello-µ@ßöäüàá-UTF-8!!");
    /** 6.3: κόσμε, a lone surrogate (invalid at its second byte, a0), then "edited". */
    private static final byte[] INVALID = Payloads.concat(KOSME, Hex.parse("ed a0 80"), Payloads.utf8("edited"));
    /** 6.4: U+110000 in 4-byte form: invalid at its second byte (90). */
    private static final byte[] BEYOND = Hex.parse("f4 90 80 80");
    private static final byte[] EDITED = Payloads.utf8("edited");

    private Utf8Cases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        cases.add(ConformanceCase.of("6.1.1", "empty text message is echoed")
                .steps(send(TestFrame.text("")), expectText(""), closeNormally()));
        cases.add(ConformanceCase.of("6.1.2", "text in 3 empty fragments is echoed as one empty message")
                .steps(send(TestFrame.text("").fragment(), TestFrame.continuation("").fragment(), TestFrame.continuation("")),
                        expectText(""), closeNormally()));
        cases.add(ConformanceCase.of("6.1.3", "text in fragments \"\", \"middle\", \"\" is echoed as \"middle\"")
                .steps(send(TestFrame.text("").fragment(), TestFrame.continuation("middle").fragment(), TestFrame.continuation("")),
                        expectText("middle"), closeNormally()));

        cases.add(ConformanceCase.of("6.2.1", "valid UTF-8 with 2-byte characters in one frame is echoed")
                .steps(send(TestFrame.text(UMLAUTS)), expectText(UMLAUTS), closeNormally()));
        cases.add(ConformanceCase.of("6.2.2", "valid UTF-8 in 2 fragments split at a character boundary is echoed")
                .steps(send(TestFrame.text(java.util.Arrays.copyOf(UMLAUTS, 12)).fragment(),
                        TestFrame.continuation(java.util.Arrays.copyOfRange(UMLAUTS, 12, UMLAUTS.length))),
                        expectText(UMLAUTS), closeNormally()));
        cases.add(ConformanceCase.of("6.2.3", "valid UTF-8 in one-byte fragments (splitting characters) is echoed")
                .steps(send(fragments(TestFrame.TEXT, UMLAUTS, 1)), expectText(UMLAUTS), closeNormally()));
        cases.add(ConformanceCase.of("6.2.4", "κόσμε in one-byte fragments (splitting every character) is echoed")
                .steps(send(fragments(TestFrame.TEXT, KOSME, 1)), expectText(KOSME), closeNormally()));

        cases.add(ConformanceCase.of("6.3.1", "invalid UTF-8 (a lone surrogate) in one frame fails with 1007")
                .steps(send(TestFrame.text(INVALID)), expectFailure(1007)));
        cases.add(ConformanceCase.of("6.3.2", "invalid UTF-8 (a lone surrogate) in one-byte fragments fails with 1007")
                .steps(send(fragments(TestFrame.TEXT, INVALID, 1)), expectFailure(1007)));

        addFailFast(cases);

        for (Utf8Vectors.Vector v : Utf8Vectors.all()) {
            String title = (v.valid() ? "valid: " : "invalid: ") + v.title() + " [" + Hex.of(v.bytes()) + "]"
                    + (v.valid() ? " is echoed" : " fails with 1007");
            ConformanceCase.Builder b = ConformanceCase.of(v.id(), title);
            TestFrame frame = TestFrame.text(v.bytes());
            cases.add(v.valid() ? b.steps(send(frame), expectText(v.bytes()), closeNormally())
                    : b.steps(send(frame), expectFailure(1007)));
        }
        return cases;
    }

    /**
     * 6.4: fail fast. The valid first part is sent and must be accepted (silence); then the part with the
     * bad byte; the close must follow promptly although the message is unfinished and the rest is never sent.
     */
    private static void addFailFast(List<ConformanceCase> cases) {
        TestFrame first = TestFrame.text(KOSME).fragment();
        cases.add(ConformanceCase.of("6.4.1", "fail fast on invalid UTF-8 in the second of three fragments")
                .steps(send(first), expectSilence(), send(TestFrame.continuation(BEYOND).fragment()),
                        expectFailure(1007, PROMPTLY)));
        cases.add(ConformanceCase.of("6.4.2", "fail fast when the second fragment ends right after the invalid byte")
                .steps(send(first), expectSilence(), send(TestFrame.continuation(Hex.parse("f4 90")).fragment()),
                        expectFailure(1007, PROMPTLY)));

        // One frame whose header announces the whole message; its payload is sent in pieces.
        TestFrame whole = TestFrame.text(Payloads.concat(KOSME, BEYOND, EDITED));
        int k = KOSME.length;
        cases.add(ConformanceCase.of("6.4.3", "fail fast on invalid UTF-8 in the second of three pieces of one frame")
                .steps(sendHead(whole, k), expectSilence(), sendPayload(whole, k, k + 4), expectFailure(1007, PROMPTLY)));
        cases.add(ConformanceCase.of("6.4.4", "fail fast when the second piece of one frame ends right after the invalid byte")
                .steps(sendHead(whole, k), expectSilence(), sendPayload(whole, k, k + 2), expectFailure(1007, PROMPTLY)));

        // Ours: the bad byte deep inside a large frame, and a bad byte that needs no lookahead to be seen.
        byte[] big = Payloads.concat(Payloads.text(40_000), Hex.parse("ff"), Payloads.text(24_999));
        TestFrame bigFrame = TestFrame.text(big);
        cases.add(ConformanceCase.of("6.4.5", "fail fast on a 0xFF byte 40000 bytes into a 65000-byte frame")
                .steps(sendHead(bigFrame, 30_000), expectSilence(), sendPayload(bigFrame, 30_000, 40_001),
                        expectFailure(1007, PROMPTLY)));
        cases.add(ConformanceCase.of("6.4.6", "fail fast on an overlong sequence in the first fragment, before the message ends")
                .steps(send(TestFrame.text(Payloads.concat(Payloads.utf8("abc"), Hex.parse("c0 af"))).fragment()),
                        expectFailure(1007, PROMPTLY)));
    }
}
