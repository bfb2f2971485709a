package dev.tether.cdi;

import dev.tether.WebSocketConfig;
import dev.tether.protocol.handshake.OriginPolicy;
import dev.tether.server.SettingValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The connection settings a {@link WebSocketEndpoint} annotation sets, read with the same formats as the
 * deployment's {@code tether.*} settings. Only the attributes that are filled in are set, so that the rest
 * come from the deployment ({@link WebSocketConfig#withDefaults}).
 */
final class EndpointAttributes {

    private final WebSocketConfig config;
    private final OriginPolicy origins;
    private final List<String> problems;

    private EndpointAttributes(WebSocketConfig config, OriginPolicy origins, List<String> problems) {
        this.config = config;
        this.origins = origins;
        this.problems = problems;
    }

    static EndpointAttributes of(WebSocketEndpoint a) {
        List<String> problems = new ArrayList<>();
        WebSocketConfig.Builder b = WebSocketConfig.builder();
        boolean[] any = {false};
        Setter set = (name, value, apply) -> {
            if (value.isBlank()) return;
            try {
                apply.accept(value);
                any[0] = true;
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        };
        set.apply("maxFrameSize", a.maxFrameSize(), v -> b.maxFrameSize(SettingValues.size("maxFrameSize", v)));
        set.apply("maxMessageSize", a.maxMessageSize(), v -> b.maxMessageSize(SettingValues.size("maxMessageSize", v)));
        set.apply("maxInboundBufferBytes", a.maxInboundBufferBytes(),
                v -> b.maxInboundBufferBytes(SettingValues.size("maxInboundBufferBytes", v)));
        set.apply("maxOutboundBufferBytes", a.maxOutboundBufferBytes(),
                v -> b.maxOutboundBufferBytes(SettingValues.size("maxOutboundBufferBytes", v)));
        set.apply("readTimeout", a.readTimeout(), v -> b.readTimeout(SettingValues.duration("readTimeout", v, true)));
        set.apply("writeTimeout", a.writeTimeout(), v -> b.writeTimeout(SettingValues.duration("writeTimeout", v, false)));
        set.apply("closeTimeout", a.closeTimeout(), v -> b.closeTimeout(SettingValues.duration("closeTimeout", v, false)));
        set.apply("pingInterval", a.pingInterval(), v -> b.pingInterval(SettingValues.duration("pingInterval", v, true)));
        set.apply("pongTimeout", a.pongTimeout(), v -> b.pongTimeout(SettingValues.duration("pongTimeout", v, false)));
        set.apply("idleTimeout", a.idleTimeout(), v -> b.idleTimeout(SettingValues.duration("idleTimeout", v, true)));
        OriginPolicy origins = null;
        if (a.allowedOrigins().length > 0) {
            try {
                origins = SettingValues.origins("allowedOrigins", Arrays.asList(a.allowedOrigins()));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return new EndpointAttributes(any[0] ? b.build() : WebSocketConfig.defaults(), origins, List.copyOf(problems));
    }

    private interface Setter {
        void apply(String name, String value, Consumer<String> apply);
    }

    /** The settings the annotation fills in; {@link WebSocketConfig#defaults()} when none. */
    WebSocketConfig config() {
        return config;
    }

    /** The annotation's origin policy, or null when it names no origins. */
    OriginPolicy origins() {
        return origins;
    }

    /** What is wrong with the attributes, one sentence each; empty when nothing is. */
    List<String> problems() {
        return problems;
    }
}
