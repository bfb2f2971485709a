package dev.tether.examples;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Reads back the chat room's JSON in tests. */
final class ChatJson {

    private ChatJson() {
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** "type name text" (absent parts left out), for readable assertions. */
    static String summary(String json) {
        JsonObject event = parse(json);
        StringBuilder summary = new StringBuilder(event.getString("type"));
        if (event.containsKey("name")) summary.append(' ').append(event.getString("name"));
        if (event.containsKey("text")) summary.append(' ').append(event.getString("text"));
        if (event.containsKey("online")) summary.append(" (").append(event.getInt("online")).append(')');
        return summary.toString();
    }
}
