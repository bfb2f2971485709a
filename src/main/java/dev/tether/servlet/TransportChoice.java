package dev.tether.servlet;

import java.util.Locale;

/**
 * How {@link TetherServlet} takes over a connection after the 101 response: the servlet init-param
 * (or constructor option) {@code transport}.
 */
public enum TransportChoice {
    /** Jetty's own upgrade on Jetty 12 (its servlet upgrade is defective), the servlet upgrade elsewhere. */
    AUTO,
    /** Always {@code HttpServletRequest.upgrade()}, even on Jetty. */
    SERVLET,
    /** Always Jetty's own upgrade; requests that are not Jetty 12 ee11 requests fail. */
    JETTY;

    /** Parses an init-param value ({@code auto}, {@code servlet}, {@code jetty}); null or empty means auto. */
    public static TransportChoice parse(String value) {
        if (value == null || value.isBlank()) return AUTO;
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("transport must be auto, servlet or jetty: " + value, e);
        }
    }
}
