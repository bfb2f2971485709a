package dev.tether.testing;

import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A servlet container started in the test JVM on 127.0.0.1 and a free port, with one servlet mapped
 * to {@code /*} of the root context.
 *
 * <p>Deliberately not AutoCloseable: JUnit closes AutoCloseable arguments of parameterized tests after
 * each invocation, and the end-to-end tests share one container per class.
 */
public interface EmbeddedContainer {

    /** The containers the end-to-end tests run on. */
    enum Kind {
        JETTY, TOMCAT;

        public EmbeddedContainer start(HttpServlet servlet) {
            return start(servlet, Options.DEFAULTS);
        }

        public EmbeddedContainer start(HttpServlet servlet, Options options) {
            try {
                return this == JETTY ? JettyContainer.start(servlet, options) : TomcatContainer.start(servlet, options);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start embedded " + this, e);
            }
        }
    }

    /**
     * @param tls serve https/wss with the {@link TestTls} certificate
     * @param idleTimeout the connector's idle timeout for HTTP connections (Jetty; Tomcat's
     *     connectionTimeout), or null for the container's default
     * @param initParams the servlet's init-params
     * @param contextParams the servlet context's init-params (web.xml {@code <context-param>})
     */
    record Options(boolean tls, Duration idleTimeout, Map<String, String> initParams, Map<String, String> contextParams) {
        public static final Options DEFAULTS = new Options(false, null);
        public static final Options TLS = new Options(true, null);

        public Options {
            initParams = initParams == null ? Map.of() : Map.copyOf(initParams);
            contextParams = contextParams == null ? Map.of() : Map.copyOf(contextParams);
        }

        public Options(boolean tls, Duration idleTimeout, Map<String, String> initParams) {
            this(tls, idleTimeout, initParams, null);
        }

        public Options(boolean tls, Duration idleTimeout) {
            this(tls, idleTimeout, null);
        }

        public static Options initParam(String name, String value) {
            return new Options(false, null, Map.of(name, value));
        }

        public static Options params(Map<String, String> initParams, Map<String, String> contextParams) {
            return new Options(false, null, initParams, contextParams);
        }
    }

    Kind kind();

    int port();

    boolean secure();

    /** The ws:// (or wss://) address of a path, for example {@code uri("/ws-echo")}. */
    default URI uri(String path) {
        return URI.create((secure() ? "wss" : "ws") + "://127.0.0.1:" + port() + path);
    }

    /** The http:// (or https://) address of a path. */
    default URI httpUri(String path) {
        return URI.create((secure() ? "https" : "http") + "://127.0.0.1:" + port() + path);
    }

    void stop();
}
