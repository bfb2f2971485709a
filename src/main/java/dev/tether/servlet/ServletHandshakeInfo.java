package dev.tether.servlet;

import dev.tether.session.HandshakeInfo;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the {@link HandshakeInfo} of an accepted servlet request. */
final class ServletHandshakeInfo {

    private ServletHandshakeInfo() {
    }

    /**
     * @param path the path within the application ({@code servletPath + pathInfo})
     * @param subprotocol the subprotocol agreed on, or null
     */
    static HandshakeInfo of(HttpServletRequest request, String path, String subprotocol) {
        return new HandshakeInfo(path, request.getQueryString(), headers(request), cookies(request),
                request.getUserPrincipal(), subprotocol, remoteAddress(request));
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lowerCase = CommonHeaderStrings.name(name.toLowerCase(Locale.ROOT));
            List<String> values = headers.computeIfAbsent(lowerCase, n -> new ArrayList<>());
            values.addAll(Collections.list(request.getHeaders(name)));
        }
        // Kept as long as the connection is open: common names and values are shared, not copied per connection.
        headers.replaceAll((name, values) -> CommonHeaderStrings.values(values));
        return headers;
    }

    private static List<HttpCookie> cookies(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) return List.of();
        List<HttpCookie> result = new ArrayList<>(cookies.length);
        for (Cookie c : cookies) {
            try {
                result.add(new HttpCookie(c.getName(), c.getValue()));
            } catch (IllegalArgumentException e) {
                // A name java.net.HttpCookie reserves (Path, Expires, $…): not representable, left out.
            }
        }
        return result;
    }

    private static InetSocketAddress remoteAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null) return null;
        try {
            // An IP literal: no name lookup happens.
            return new InetSocketAddress(InetAddress.getByName(address), request.getRemotePort());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return InetSocketAddress.createUnresolved(address, Math.max(0, request.getRemotePort()));
        }
    }
}
