package dev.tether.cdi;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a {@link dev.tether.WebSocketHandler} at a path, with no other registration:
 *
 * <pre>{@code
 * @WebSocketEndpoint("/ws-echo")
 * public class EchoHandler implements WebSocketHandler {
 *     public void handle(WebSocket ws) throws Exception {
 *         ws.runWith(ws::sendMessage);
 *     }
 * }
 * }</pre>
 *
 * <p>The servlet container finds annotated classes while it deploys the application
 * ({@link WebSocketEndpointInitializer}); each connection then gets the handler as a CDI bean, so it can
 * {@code @Inject} other beans.
 *
 * <p>This annotation is a CDI stereotype with the default scope {@code @Dependent}: an annotated class is
 * a bean even where only classes with a bean-defining annotation are (the default discovery mode), and
 * each connection gets a fresh instance, destroyed when the connection ends. Put a scope on the class,
 * such as {@code @ApplicationScoped}, to share one instance between connections instead.
 *
 * <p>Not inherited: a subclass of a handler is served only where it is annotated itself, at a path of
 * its own (two handlers on one path fail the deployment).
 */
@Stereotype
@Dependent
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WebSocketEndpoint {

    /**
     * The path served, relative to the application's context path: exact, such as {@code /ws-echo}, or a
     * prefix ending in {@code /*}, such as {@code /rooms/*}. {@code /} and {@code /*} are refused: the
     * container must keep serving everything else (static pages).
     */
    String value();

    /**
     * The subprotocols the handler speaks; empty when it speaks none. The opening handshake agrees on the
     * first one the client offers that is in this list ({@link dev.tether.WebSocket#subprotocol()}).
     */
    String[] subprotocols() default {};

    // Connection settings of this endpoint. Each one left out takes the deployment's value (context-param or
    // system property tether.<name>) or else Tether's default; an invalid one fails the deployment.
    // Durations: seconds ("30", "0.5") or ISO-8601 ("PT10M"); sizes: bytes, optionally "KiB"/"MiB" ("64KiB").

    /** Largest incoming frame, see {@link dev.tether.WebSocketConfig#maxFrameSize()}; for example {@code "1MiB"}. */
    String maxFrameSize() default "";

    /** Largest incoming message, see {@link dev.tether.WebSocketConfig#maxMessageSize()}; for example {@code "64KiB"}. */
    String maxMessageSize() default "";

    /** Bytes of messages waiting to be read, see {@link dev.tether.WebSocketConfig#maxInboundBufferBytes()}. */
    String maxInboundBufferBytes() default "";

    /** Bytes of sent messages waiting to be written, see {@link dev.tether.WebSocketConfig#maxOutboundBufferBytes()}. */
    String maxOutboundBufferBytes() default "";

    /** How long {@code readMessage()} waits, {@code "0"} without limit; see {@link dev.tether.WebSocketConfig#readTimeout()}. */
    String readTimeout() default "";

    /** How long a send waits for a peer that does not read; see {@link dev.tether.WebSocketConfig#writeTimeout()}. */
    String writeTimeout() default "";

    /** How long the closing handshake may take; see {@link dev.tether.WebSocketConfig#closeTimeout()}. */
    String closeTimeout() default "";

    /** How often the heartbeat pings, {@code "0"} for never; see {@link dev.tether.WebSocketConfig#pingInterval()}. */
    String pingInterval() default "";

    /** How long a heartbeat ping may go unanswered; see {@link dev.tether.WebSocketConfig#pongTimeout()}. */
    String pongTimeout() default "";

    /**
     * How long the connection may carry no data message before it is closed (1001), {@code "0"} for never;
     * see {@link dev.tether.WebSocketConfig#idleTimeout()}.
     */
    String idleTimeout() default "";

    /**
     * Origins accepted besides the page's own host ({@code "https://app.example.com"}), or {@code "*"} for
     * any origin. Empty: the deployment's {@code tether.allowedOrigins}, or else same-origin only.
     */
    String[] allowedOrigins() default {};
}
