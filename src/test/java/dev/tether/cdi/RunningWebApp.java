package dev.tether.cdi;

import java.net.URI;

/** A web application deployed in an embedded container, listening on 127.0.0.1. */
public interface RunningWebApp extends AutoCloseable {

    int port();

    default URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    default URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    @Override
    void close() throws Exception;
}
