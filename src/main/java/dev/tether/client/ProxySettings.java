package dev.tether.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An HTTP proxy reached with CONNECT, and the Basic credentials to give it, if any. */
record ProxySettings(String host, int port, String user, String password) {

    ProxySettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("proxy host is empty");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("proxy port out of range: " + port);
    }

    ProxySettings withCredentials(String user, String password) {
        return new ProxySettings(host, port, user, password);
    }

    /** The {@code Proxy-Authorization} value (RFC 7617, UTF-8), or null without credentials. */
    String authorization() {
        if (user == null) return null;
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // Never print the password.
        return "proxy " + host + ":" + port + (user == null ? "" : " as " + user);
    }
}
