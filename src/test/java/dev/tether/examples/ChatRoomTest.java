package dev.tether.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ChatRoomTest {

    @Test
    void joinsAreAnnouncedToEveryoneWithTheNumberOnline() throws Exception {
        ChatRoom room = new ChatRoom();
        FakeWebSocket alice = FakeWebSocket.open();
        FakeWebSocket bob = FakeWebSocket.open();
        room.join(alice, "alice");
        room.join(bob, "bob");

        assertEquals(List.of("join alice (1)", "join bob (2)"), next(alice, 2));
        assertEquals(List.of("join bob (2)"), next(bob, 1), "a newcomer sees its own join first");
    }

    @Test
    void aLeaveIsAnnouncedOnceEvenWhenReportedTwice() throws Exception {
        ChatRoom room = new ChatRoom();
        FakeWebSocket alice = FakeWebSocket.open();
        room.join(alice, "alice");
        ChatMember bob = room.join(FakeWebSocket.open(), "bob");
        room.leave(bob);
        room.leave(bob);
        room.distributeMessage("end");

        assertEquals(List.of("join alice (1)", "join bob (2)", "leave bob (1)", "notice end"), next(alice, 4));
        assertEquals(1, room.online());
    }

    @Test
    void distributeMessageReachesEveryMemberAsANoticeWithATime() throws Exception {
        ChatRoom room = new ChatRoom();
        FakeWebSocket alice = FakeWebSocket.open();
        FakeWebSocket bob = FakeWebSocket.open();
        room.join(alice, "alice");
        room.join(bob, "bob");
        long before = System.currentTimeMillis();
        room.distributeMessage("The moderator says: be kind <3 \"quoted\"");

        for (FakeWebSocket member : List.of(alice, bob)) {
            JsonObject notice = lastOf(member, "notice");
            assertEquals("The moderator says: be kind <3 \"quoted\"", notice.getString("text"));
            long time = notice.getJsonNumber("time").longValueExact();
            assertTrue(time >= before && time <= System.currentTimeMillis(), "time is the server clock in ms");
        }
    }

    @Test
    void membersWithoutANameAreNumberedGuests() throws Exception {
        ChatRoom room = new ChatRoom();
        ChatMember first = room.join(FakeWebSocket.open(), null);
        ChatMember second = room.join(FakeWebSocket.open(), null);
        assertEquals("guest-1", first.name());
        assertEquals("guest-2", second.name());
    }

    @Test
    void aMessagePostedAfterLeavingIsNotDistributed() throws Exception {
        ChatRoom room = new ChatRoom();
        FakeWebSocket alice = FakeWebSocket.open();
        room.join(alice, "alice");
        ChatMember bob = room.join(FakeWebSocket.open(), "bob");
        room.leave(bob);
        room.post(bob, "ghost");
        room.distributeMessage("end");

        assertEquals(List.of("join alice (1)", "join bob (2)", "leave bob (1)", "notice end"), next(alice, 4));
    }

    @Test
    void shuttingDownClosesEveryMemberWithGoingAway() throws Exception {
        ChatRoom room = new ChatRoom();
        FakeWebSocket alice = FakeWebSocket.open();
        room.join(alice, "alice");
        room.shutDown();
        assertTrue(alice.awaitClosed());
        assertEquals(1001, alice.closeStatus().code());
        assertEquals(0, room.online());
    }

    private static List<String> next(FakeWebSocket member, int count) throws InterruptedException {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String json = member.nextSent();
            assertNotNull(json, "message " + (i + 1) + " of " + count + " arrives");
            got.add(ChatJson.summary(json));
        }
        Thread.sleep(50);
        assertNull(member.drainSent().stream().findFirst().orElse(null), "nothing more arrives");
        return got;
    }

    private static JsonObject lastOf(FakeWebSocket member, String type) throws InterruptedException {
        while (true) {
            String json = member.nextSent();
            assertNotNull(json, "a " + type + " arrives");
            JsonObject event = ChatJson.parse(json);
            if (event.getString("type").equals(type)) return event;
        }
    }
}
