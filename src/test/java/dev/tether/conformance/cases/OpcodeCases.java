package dev.tether.conformance.cases;

import static dev.tether.conformance.Steps.expectFailure;
import static dev.tether.conformance.Steps.expectText;
import static dev.tether.conformance.Steps.send;
import static dev.tether.conformance.Steps.sendEach;

import dev.tether.conformance.ConformanceCase;
import dev.tether.conformance.wire.TestFrame;
import java.util.ArrayList;
import java.util.List;

/** 4: reserved opcodes 3-7 (data) and B-F (control) fail the connection with 1002. */
final class OpcodeCases {

    private OpcodeCases() {
    }

    static List<ConformanceCase> all() {
        List<ConformanceCase> cases = new ArrayList<>();
        addGroup(cases, "4.1", new int[] {3, 4, 5, 6, 7});
        addGroup(cases, "4.2", new int[] {0xB, 0xC, 0xD, 0xE, 0xF});
        return cases;
    }

    /** Five cases per group, as in Autobahn: alone, with payload, after an echo, with payload after an echo, frame by frame. */
    private static void addGroup(List<ConformanceCase> cases, String group, int[] opcodes) {
        TestFrame hello = TestFrame.text("Hello, world!");
        TestFrame ping = TestFrame.ping("");
        String[] names = new String[opcodes.length];
        for (int i = 0; i < opcodes.length; i++) names[i] = "opcode 0x" + Integer.toHexString(opcodes[i]).toUpperCase();
        cases.add(ConformanceCase.of(group + ".1", names[0] + " without payload fails with 1002")
                .steps(send(TestFrame.of(opcodes[0], new byte[0])), expectFailure(1002)));
        cases.add(ConformanceCase.of(group + ".2", names[1] + " with payload fails with 1002")
                .steps(send(TestFrame.of(opcodes[1], Payloads.utf8("reserved opcode payload"))), expectFailure(1002)));
        cases.add(ConformanceCase.of(group + ".3", "after a valid echo, " + names[2] + " then a ping: 1002, no pong")
                .steps(send(hello), expectText("Hello, world!"), send(TestFrame.of(opcodes[2], new byte[0]), ping),
                        expectFailure(1002)));
        cases.add(ConformanceCase.of(group + ".4", "after a valid echo, " + names[3] + " with payload then a ping: 1002, no pong")
                .steps(send(hello), expectText("Hello, world!"),
                        send(TestFrame.of(opcodes[3], Payloads.utf8("reserved opcode payload")), ping), expectFailure(1002)));
        cases.add(ConformanceCase.of(group + ".5", "after a valid echo, " + names[4] + " with payload then a ping, frame by frame: 1002")
                .steps(send(hello), expectText("Hello, world!"),
                        sendEach(50, TestFrame.of(opcodes[4], Payloads.utf8("reserved opcode payload")), ping),
                        expectFailure(1002)));
    }
}
