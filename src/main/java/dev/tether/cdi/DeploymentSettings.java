package dev.tether.cdi;

import dev.tether.WebSocketConfig;
import jakarta.servlet.ServletContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.function.UnaryOperator;

/**
 * The connection settings of annotated endpoints that a deployment can change without rebuilding the WAR:
 * a servlet-context init-param, or else a system property of the server's JVM, of the same name.
 *
 * <ul>
 * <li>{@value #PING_INTERVAL}: how often the heartbeat pings each connection
 *     ({@link WebSocketConfig#pingInterval()}), in seconds ({@code 20}, {@code 2.5}) or as an ISO-8601
 *     duration ({@code PT20S}); {@code 0} turns the heartbeat off. Set it below the idle timeout of any
 *     proxy in front (nginx's {@code proxy_read_timeout}, 60 s by default) so that quiet connections survive.
 * </ul>
 *
 * <p>Why both sources: a system property is the one thing every container lets an operator set (WildFly's
 * {@code standalone.xml}, {@code CATALINA_OPTS}, Jetty's {@code start.d}); an init-param set outside the WAR
 * (a Tomcat context file, a Jetty context XML) changes one application only, and wins.
 */
final class DeploymentSettings {

    static final String PING_INTERVAL = "tether.pingInterval";

    private DeploymentSettings() {
    }

    /** The configuration for the application's annotated endpoints: the defaults, with what the deployment set. */
    static WebSocketConfig configFor(ServletContext context) {
        return configFor(name -> {
            String fromContext = context.getInitParameter(name);
            return fromContext != null ? fromContext : System.getProperty(name);
        });
    }

    /** As {@link #configFor(ServletContext)}, with the settings looked up by name in {@code settings} (null: not set). */
    static WebSocketConfig configFor(UnaryOperator<String> settings) {
        String pingInterval = settings.apply(PING_INTERVAL);
        if (pingInterval == null || pingInterval.isBlank()) return WebSocketConfig.defaults();
        return WebSocketConfig.defaults().toBuilder().pingInterval(duration(PING_INTERVAL, pingInterval)).build();
    }

    /** Seconds ({@code 30}, {@code 0.5}) or ISO-8601 ({@code PT30S}); never negative. */
    static Duration duration(String name, String value) {
        String text = value.trim();
        try {
            Duration duration;
            if (text.startsWith("P") || text.startsWith("p")) {
                duration = Duration.parse(text);
            } else {
                BigDecimal seconds = new BigDecimal(text);
                duration = Duration.ofNanos(seconds.movePointRight(9).longValueExact());
            }
            if (duration.isNegative()) throw new IllegalArgumentException(name + " must not be negative: " + value);
            return duration;
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a number of seconds (30, 0.5) or an ISO-8601"
                    + " duration (PT30S), 0 to turn it off: " + value, e);
        }
    }
}
