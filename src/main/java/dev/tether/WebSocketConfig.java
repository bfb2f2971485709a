package dev.tether;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of a connection. Immutable; start from {@link #defaults()} and change what you
 * need: {@code WebSocketConfig.defaults().toBuilder().maxMessageSize(1 << 20).build()}.
 *
 * <p>Every default is safe for a public server: nothing grows without a bound and nothing waits forever
 * on a peer.
 *
 * <p>A configuration remembers which values were set on its builder. A server deployment can change the
 * defaults of its endpoints (servlet init-params, context-params, system properties named
 * {@code tether.<setting>}); an endpoint's configuration then keeps what it set itself and takes the
 * deployment's values for the rest ({@link #withDefaults(WebSocketConfig)}).
 */
public final class WebSocketConfig {

    public static final long KIB = 1024;
    public static final long MIB = 1024 * 1024;

    private static final WebSocketConfig DEFAULTS = new Builder().build();

    // Bits of the values set explicitly on a builder.
    private static final int MAX_FRAME_SIZE = 1;
    private static final int MAX_MESSAGE_SIZE = 1 << 1;
    private static final int MAX_INBOUND_BUFFER_BYTES = 1 << 2;
    private static final int READ_TIMEOUT = 1 << 3;
    private static final int WRITE_TIMEOUT = 1 << 4;
    private static final int CLOSE_TIMEOUT = 1 << 5;
    private static final int PING_INTERVAL = 1 << 6;
    private static final int PONG_TIMEOUT = 1 << 7;
    private static final int IDLE_TIMEOUT = 1 << 8;
    private static final int MAX_OUTBOUND_BUFFER_BYTES = 1 << 9;

    /** As set; the limit in force is never above {@link #maxMessageSize} (see {@link #maxFrameSize()}). */
    private final long maxFrameSize;
    private final long maxMessageSize;
    private final long maxInboundBufferBytes;
    private final long maxOutboundBufferBytes;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final Duration closeTimeout;
    private final Duration pingInterval;
    private final Duration pongTimeout;
    private final Duration idleTimeout;
    private final int explicit;

    private WebSocketConfig(Builder b) {
        this.maxFrameSize = b.maxFrameSize;
        this.maxMessageSize = b.maxMessageSize;
        this.maxInboundBufferBytes = b.maxInboundBufferBytes;
        this.maxOutboundBufferBytes = b.maxOutboundBufferBytes;
        this.readTimeout = b.readTimeout;
        this.writeTimeout = b.writeTimeout;
        this.closeTimeout = b.closeTimeout;
        this.pingInterval = b.pingInterval;
        this.pongTimeout = b.pongTimeout;
        this.idleTimeout = b.idleTimeout;
        this.explicit = b.explicit;
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
        b.maxOutboundBufferBytes = maxOutboundBufferBytes;
        b.readTimeout = readTimeout;
        b.writeTimeout = writeTimeout;
        b.closeTimeout = closeTimeout;
        b.pingInterval = pingInterval;
        b.pongTimeout = pongTimeout;
        b.idleTimeout = idleTimeout;
        b.explicit = explicit;
        return b;
    }

    /**
     * This configuration with every value it did not set explicitly taken from {@code defaults}: how an
     * endpoint's own settings are laid over those of its deployment. The values set here stay set in the
     * result.
     */
    public WebSocketConfig withDefaults(WebSocketConfig defaults) {
        Objects.requireNonNull(defaults, "defaults");
        if (explicit == 0) return defaults;
        Builder b = defaults.toBuilder();
        b.explicit |= explicit;
        if (isSet(MAX_FRAME_SIZE)) b.maxFrameSize = maxFrameSize;
        if (isSet(MAX_MESSAGE_SIZE)) b.maxMessageSize = maxMessageSize;
        if (isSet(MAX_INBOUND_BUFFER_BYTES)) b.maxInboundBufferBytes = maxInboundBufferBytes;
        if (isSet(MAX_OUTBOUND_BUFFER_BYTES)) b.maxOutboundBufferBytes = maxOutboundBufferBytes;
        if (isSet(READ_TIMEOUT)) b.readTimeout = readTimeout;
        if (isSet(WRITE_TIMEOUT)) b.writeTimeout = writeTimeout;
        if (isSet(CLOSE_TIMEOUT)) b.closeTimeout = closeTimeout;
        if (isSet(PING_INTERVAL)) b.pingInterval = pingInterval;
        if (isSet(PONG_TIMEOUT)) b.pongTimeout = pongTimeout;
        if (isSet(IDLE_TIMEOUT)) b.idleTimeout = idleTimeout;
        return b.build();
    }

    private boolean isSet(int bit) {
        return (explicit & bit) != 0;
    }

    /**
     * Largest payload of one incoming frame; a larger one fails the connection with 1009. Default 16 MiB, and
     * never more than {@link #maxMessageSize()}.
     */
    public long maxFrameSize() {
        // Kept apart rather than lowered once in build(): a deployment that lowers only maxMessageSize must not
        // lower the frame limit of an endpoint that raises maxMessageSize again.
        return Math.min(maxFrameSize, maxMessageSize);
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

    /**
     * How many bytes of sent messages may wait to be written while a send returns at once: a send that
     * finds more waiting blocks until the peer has taken enough (or the write timeout passes), and
     * {@code trySendMessage} returns false. Default 64 KiB. Frames of a message larger than the outbound
     * buffer are written before its send returns.
     */
    public long maxOutboundBufferBytes() {
        return maxOutboundBufferBytes;
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

    /**
     * How long a connection may go without a data message, received or sent, before it is closed with 1001
     * ("idle timeout", a normal closing handshake); {@link Duration#ZERO} never closes an idle connection.
     * Pings and pongs are not activity: the heartbeat keeps a connection whose peer still answers from being
     * dropped as dead, and must not keep an unused one open forever. The close comes never sooner than the
     * timeout after the last data message, and at most an eighth of it later. Default 10 minutes.
     */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    @Override
    public String toString() {
        return "WebSocketConfig{maxFrameSize=" + maxFrameSize() + ", maxMessageSize=" + maxMessageSize
                + ", maxInboundBufferBytes=" + maxInboundBufferBytes + ", maxOutboundBufferBytes=" + maxOutboundBufferBytes
                + ", readTimeout=" + readTimeout
                + ", writeTimeout=" + writeTimeout + ", closeTimeout=" + closeTimeout
                + ", pingInterval=" + pingInterval + ", pongTimeout=" + pongTimeout
                + ", idleTimeout=" + idleTimeout + "}";
    }

    public static final class Builder {
        private long maxFrameSize = 16 * MIB;
        private long maxMessageSize = 16 * MIB;
        private long maxInboundBufferBytes = MIB;
        private long maxOutboundBufferBytes = 64 * KIB;
        private Duration readTimeout = Duration.ZERO;
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private Duration pingInterval = Duration.ofSeconds(30);
        private Duration pongTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofMinutes(10);
        private int explicit;

        private Builder() {
        }

        public Builder maxFrameSize(long bytes) {
            this.maxFrameSize = positive(bytes, "maxFrameSize");
            explicit |= MAX_FRAME_SIZE;
            return this;
        }

        public Builder maxMessageSize(long bytes) {
            this.maxMessageSize = positive(bytes, "maxMessageSize");
            explicit |= MAX_MESSAGE_SIZE;
            return this;
        }

        public Builder maxInboundBufferBytes(long bytes) {
            this.maxInboundBufferBytes = positive(bytes, "maxInboundBufferBytes");
            explicit |= MAX_INBOUND_BUFFER_BYTES;
            return this;
        }

        public Builder maxOutboundBufferBytes(long bytes) {
            this.maxOutboundBufferBytes = positive(bytes, "maxOutboundBufferBytes");
            explicit |= MAX_OUTBOUND_BUFFER_BYTES;
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = notNegative(timeout, "readTimeout");
            explicit |= READ_TIMEOUT;
            return this;
        }

        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive(timeout, "writeTimeout");
            explicit |= WRITE_TIMEOUT;
            return this;
        }

        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = positive(timeout, "closeTimeout");
            explicit |= CLOSE_TIMEOUT;
            return this;
        }

        public Builder pingInterval(Duration interval) {
            this.pingInterval = notNegative(interval, "pingInterval");
            explicit |= PING_INTERVAL;
            return this;
        }

        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = positive(timeout, "pongTimeout");
            explicit |= PONG_TIMEOUT;
            return this;
        }

        /** See {@link WebSocketConfig#idleTimeout()}; {@link Duration#ZERO} turns it off. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = notNegative(timeout, "idleTimeout");
            explicit |= IDLE_TIMEOUT;
            return this;
        }

        public WebSocketConfig build() {
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
