package dev.tether.examples;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * The JSON objects the chat room sends, one per WebSocket text message. Every event has {@code type}
 * and {@code time} (milliseconds since the epoch, server clock):
 *
 * <pre>
 * {"type":"message","name":"alice","text":"hello","time":1700000000000}   a member said something
 * {"type":"join","name":"alice","online":3,"time":…}                     a member joined; online counts her
 * {"type":"leave","name":"alice","online":2,"time":…}                    a member left (or was dropped)
 * {"type":"notice","text":"The room closes at 18:00","time":…}           server-side code spoke (distributeMessage)
 * </pre>
 *
 * Built with JSON-P, never by concatenation: names and texts come from users and are escaped here.
 */
final class ChatEvents {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ChatEvents() {
    }

    static String message(String name, String text) {
        return event("message").add("name", name).add("text", text).add("time", now()).build().toString();
    }

    static String joined(String name, int online) {
        return event("join").add("name", name).add("online", online).add("time", now()).build().toString();
    }

    static String left(String name, int online) {
        return event("leave").add("name", name).add("online", online).add("time", now()).build().toString();
    }

    static String notice(String text) {
        return event("notice").add("text", text).add("time", now()).build().toString();
    }

    private static JsonObjectBuilder event(String type) {
        return JSON.createObjectBuilder().add("type", type);
    }

    private static long now() {
        return System.currentTimeMillis();
    }
}
