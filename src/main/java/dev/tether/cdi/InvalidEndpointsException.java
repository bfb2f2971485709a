package dev.tether.cdi;

import java.util.List;

/** The {@link WebSocketEndpoint} annotations of an application cannot all be served; the message says why. */
public class InvalidEndpointsException extends IllegalStateException {

    private final List<String> problems;

    public InvalidEndpointsException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence naming the classes and the path involved. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) return "Tether cannot serve the WebSocket endpoints: " + problems.get(0);
        return "Tether cannot serve the WebSocket endpoints:\n  - " + String.join("\n  - ", problems);
    }
}
