package dev.tether.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.CloseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ChatRoomSlowMemberTest {

    private static final int LINES = 50;

    @Test
    void aMemberThatStopsReadingIsDroppedWith1008WhileTheOthersReceiveEverythingInOrder() throws Exception {
        ChatRoom room = new ChatRoom();
        FakeWebSocket alice = FakeWebSocket.open();
        FakeWebSocket bob = FakeWebSocket.open();
        FakeWebSocket stuck = FakeWebSocket.neverReading();
        ChatMember aliceMember = room.join(alice, "alice");
        room.join(bob, "bob");
        room.join(stuck, "stuck");

        // Alice and Bob read as fast as the room writes (each line is awaited before the next is posted);
        // the third member reads nothing at all: its outbound buffer is full (the fake's refuses at once).
        List<String> aliceGot = new ArrayList<>();
        List<String> bobGot = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            room.post(aliceMember, "line " + i);
            receiveUntil(alice, "line " + i, aliceGot);
            receiveUntil(bob, "line " + i, bobGot);
        }
        assertTrue(stuck.awaitClosed(), "the member that does not read is closed");
        // The drop is announced from another thread: wait for the announcement itself, not a fixed time.
        while (!aliceGot.contains("leave stuck (2)")) aliceGot.add(ChatJson.summary(nextOrFail(alice)));
        while (!bobGot.contains("leave stuck (2)")) bobGot.add(ChatJson.summary(nextOrFail(bob)));
        alice.drainSent().forEach(json -> aliceGot.add(ChatJson.summary(json)));
        bob.drainSent().forEach(json -> bobGot.add(ChatJson.summary(json)));

        assertEquals(new CloseStatus(1008, "too slow: send buffer full"), stuck.closeStatus());
        assertNotEquals(Thread.currentThread().getName(), stuck.closingThread(),
                "the room closes a slow member off its own thread, never waiting on it");
        assertEquals(2, room.online());

        List<String> expectedLines = IntStream.range(0, LINES).mapToObj(i -> "message alice line " + i).collect(Collectors.toList());
        assertEquals(expectedLines, only("message", aliceGot), "alice gets every line, in order");
        assertEquals(expectedLines, only("message", bobGot), "bob gets every line, in order");
        assertEquals(List.of("leave stuck (2)"), only("leave", aliceGot), "the drop is announced once");
        assertEquals(aliceGot.subList(aliceGot.indexOf("join bob (2)"), aliceGot.size()), bobGot,
                "every member sees one and the same order of events");
    }

    @Test
    void aMemberWhoseConnectionFailsLeavesAndTheOthersAreTold() throws Exception {
        ChatRoom room = new ChatRoom();
        FakeWebSocket alice = FakeWebSocket.open();
        FakeWebSocket gone = FakeWebSocket.open();
        room.join(alice, "alice");
        room.join(gone, "gone");
        gone.peerCloses();

        room.distributeMessage("anyone there?");
        room.distributeMessage("still here?");

        List<String> got = new ArrayList<>();
        while (!got.contains("notice still here?")) got.add(ChatJson.summary(nextOrFail(alice)));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (room.online() != 1 && System.nanoTime() < deadline) Thread.sleep(10);
        assertEquals(1, room.online(), "the member whose send failed is removed");
        while (!got.contains("leave gone (1)")) got.add(ChatJson.summary(nextOrFail(alice)));
    }

    private static void receiveUntil(FakeWebSocket member, String wanted, List<String> got) throws InterruptedException {
        do {
            got.add(ChatJson.summary(nextOrFail(member)));
        } while (!got.get(got.size() - 1).endsWith(wanted));
    }

    private static String nextOrFail(FakeWebSocket member) throws InterruptedException {
        String next = member.nextSent();
        assertNotNull(next, "a message arrives within 10 s");
        return next;
    }

    private static List<String> only(String type, List<String> events) {
        return events.stream().filter(e -> e.startsWith(type + " ")).collect(Collectors.toList());
    }
}
