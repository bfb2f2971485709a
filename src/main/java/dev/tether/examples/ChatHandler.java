package dev.tether.examples;

import dev.tether.CloseCodes;
import dev.tether.WebSocket;
import dev.tether.WebSocketHandler;
import dev.tether.cdi.WebSocketEndpoint;
import jakarta.inject.Inject;

/**
 * The chat room demo at {@code /ws-chatroom}: every message goes to every connected client.
 *
 * <p>The wire format, for page authors:
 * <ul>
 * <li>connect to {@code /ws-chatroom?name=alice} (URL-encoded; optional: without one you are
 *     {@code guest-N}; at most 32 characters are kept, control characters removed);
 * <li>send plain text: each text message is one chat line, at most {@value #MAX_TEXT_LENGTH} characters
 *     (a longer one closes the connection with 1009, a binary one with 1003);
 * <li>receive one JSON object per message, all with {@code type} and {@code time} (epoch milliseconds):
 *     <pre>
 *     {"type":"message","name":"alice","text":"hello","time":1700000000000}
 *     {"type":"join","name":"alice","online":3,"time":…}      (you receive your own join first)
 *     {"type":"leave","name":"alice","online":2,"time":…}
 *     {"type":"notice","text":"…","time":…}                  (from server-side code, ChatRoom.distributeMessage)
 *     </pre>
 *     Names and texts are whatever users typed: show them as text, never as HTML.
 * </ul>
 * A client that falls behind by a whole outbound buffer (64 KiB by default, some 500 chat lines) is closed
 * with 1008 "too slow: send buffer full".
 */
@WebSocketEndpoint("/ws-chatroom")
public class ChatHandler implements WebSocketHandler {

    /** The longest chat line accepted, in UTF-16 characters. */
    public static final int MAX_TEXT_LENGTH = 4096;

    private final ChatRoom room;

    @Inject
    public ChatHandler(ChatRoom room) {
        this.room = room;
    }

    @Override
    public void handle(WebSocket webSocket) throws Exception {
        ChatMember member = room.join(webSocket, ChatNames.fromQuery(webSocket.query()));
        try {
            webSocket.runWith(message -> {
                if (!message.isText()) {
                    webSocket.close(CloseCodes.UNSUPPORTED_DATA, "the chat takes text messages only");
                } else if (message.text().length() > MAX_TEXT_LENGTH) {
                    webSocket.close(CloseCodes.TOO_BIG, "chat messages are limited to " + MAX_TEXT_LENGTH + " characters");
                } else {
                    room.post(member, message.text());
                }
            });
        } finally {
            room.leave(member);
        }
    }
}
