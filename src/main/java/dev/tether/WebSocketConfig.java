package dev.tether;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of a connection. Immutable; start from {@link #defaults()} and change what you
 * need: {@code WebSocketConfig.defaults().toBuilder().maxMessageSize(1 << 20).build()}.
 *
 * <p>Every default is safe for a public server: nothing grows without a bound and nothing waits forever
 * on a peer.
 */
public final class WebSocketConfig {

    public static final long MIB = 1024 * 1024;

    private static final WebSocketConfig DEFAULTS = new Builder().build();

    private final long maxFrameSize;
    private final long maxMessageSize;
    private final long maxInboundBufferBytes;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration closeTimeout;
    private final Duration pingInterval;
    private final Duration pongTimeout;

    private WebSocketConfig(Builder b) {
        this.maxFrameSize = b.maxFrameSize;
        this.maxMessageSize = b.maxMessageSize;
        this.maxInboundBufferBytes = b.maxInboundBufferBytes;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.closeTimeout = b.closeTimeout;
        this.pingInterval = b.pingInterval;
        this.pongTimeout = b.pongTimeout;
    }

    public static WebSocketConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxFrameSize = maxFrameSize;
        b.maxMessageSize = maxMessageSize;
        b.maxInboundBufferBytes = maxInboundBufferBytes;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.closeTimeout = closeTimeout;
        b.pingInterval = pingInterval;
        b.pongTimeout = pongTimeout;
        return b;
    }

    /** Largest payload of one incoming frame; a larger one fails the connection with 1009. Default 16 MiB. */
    public long maxFrameSize() {
        return maxFrameSize;
    }

    /** Largest incoming message, all its frames together; a larger one fails with 1009. Default 16 MiB. */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * How many bytes of complete messages may wait for {@code readMessage()} before Tether stops reading
     * from the network (TCP back-pressure) until the handler catches up. Default 1 MiB.
     */
    public long maxInboundBufferBytes() {
        return maxInboundBufferBytes;
    }

    /** How long {@code readMessage()} waits; {@link Duration#ZERO} waits without limit (the default). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** How long a send may wait for the peer to take its data before the connection is dropped. Default 30 s. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** How long to wait for the peer's close frame, or its TCP close, before dropping the connection. Default 5 s. */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * How often a ping is sent to check that the peer is still there, and to keep proxies from dropping a
     * quiet connection; {@link Duration#ZERO} sends none. Default 30 s.
     */
    public Duration pingInterval() {
        return pingInterval;
    }

    /** How long the peer has to answer a heartbeat ping before the connection is dropped (1006). Default 10 s. */
    public Duration pongTimeout() {
        return pongTimeout;
    }

    @Override
    public String toString() {
        return "WebSocketConfig{maxFrameSize=" + maxFrameSize + ", maxMessageSize=" + maxMessageSize
                + ", maxInboundBufferBytes=" + maxInboundBufferBytes + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + ", closeTimeout=" + closeTimeout
                + ", pingInterval=" + pingInterval + ", pongTimeout=" + pongTimeout + "}";
    }

    public static final class Builder {
        private long maxFrameSize = 16 * MIB;
        private long maxMessageSize = 16 * MIB;
        private long maxInboundBufferBytes = MIB;
        private Duration readTimeout = Duration.ZERO;
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration pongTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        public Builder maxFrameSize(long bytes) {
            this.maxFrameSize = positive(bytes, "maxFrameSize");
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            this.maxMessageSize = positive(bytes, "maxMessageSize");
            return this;
        }

        public Builder maxInboundBufferBytes(long bytes) {
            this.maxInboundBufferBytes = positive(bytes, "maxInboundBufferBytes");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = notNegative(timeout, "readTimeout");
            return this;
        }

        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            return this;
        }

        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = positive(timeout, "closeTimeout");
            return this;
        }

        public Builder pingInterval(Duration interval) {
            this.pingInterval = notNegative(interval, "pingInterval");
            return this;
        }

        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = positive(timeout, "pongTimeout");
            return this;
        }

        public WebSocketConfig build() {
            if (maxFrameSize > maxMessageSize) maxFrameSize = maxMessageSize;
            return new WebSocketConfig(this);
        }

        private static long positive(long value, String name) {
            if (value <= 0) throw new IllegalArgumentException(name + " must be positive: " + value);
            return value;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
            return d;
        }

        private static Duration notNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) throw new IllegalArgumentException(name + " must not be negative: " + d);
            return d;
        }
    }
}
