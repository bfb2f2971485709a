package dev.tether.conformance;

import dev.tether.WebSocketConfig;
import java.util.List;

/**
 * What the implementation under test is configured with for a case. On the server it is an endpoint path;
 * on the client, the client's configuration (the path is what the client asks for).
 */
public enum EndpointKind {
    /** The echo handler with the default configuration (16 MiB frame and message limits). */
    ECHO("/echo", WebSocketConfig.defaults(), List.of()),
    /** The echo handler with 64 KiB frame and message limits, to reach the limit without megabytes. */
    LIMITED("/limited", WebSocketConfig.defaults().toBuilder().maxFrameSize(EndpointKind.SMALL_LIMIT)
            .maxMessageSize(EndpointKind.SMALL_LIMIT).build(), List.of()),
    /** The echo handler speaking two subprotocols, most preferred first. */
    CHAT("/chat", WebSocketConfig.defaults(), List.of("chat.v2", "chat.v1"));

    /** The limits of {@link #LIMITED}. */
    public static final int SMALL_LIMIT = 64 * 1024;
    /** The default frame and message limit of {@link WebSocketConfig}. */
    public static final long DEFAULT_LIMIT = 16 * WebSocketConfig.MIB;

    private final String path;
    private final WebSocketConfig config;
    private final List<String> subprotocols;

    EndpointKind(String path, WebSocketConfig config, List<String> subprotocols) {
        this.path = path;
        this.config = config;
        this.subprotocols = subprotocols;
    }

    public String path() {
        return path;
    }

    public WebSocketConfig config() {
        return config;
    }

    public List<String> subprotocols() {
        return subprotocols;
    }
}
